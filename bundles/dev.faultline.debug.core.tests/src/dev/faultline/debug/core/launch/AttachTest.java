package dev.faultline.debug.core.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.DebugEvent;
import org.eclipse.debug.core.ILaunch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.faultline.debug.core.model.FaultlineDebugTarget;
import dev.faultline.debug.core.model.FaultlineThread;
import dev.faultline.debug.core.testing.DebugEvents;
import dev.faultline.debug.core.testing.Guests;
import dev.faultline.debug.core.testing.ListeningMachine;
import dev.faultline.debug.core.testing.Sessions;

/** "Faultline Attach" against `faultline debug --listen 0 --token T` in a process of its own. */
class AttachTest {

    @AfterEach
    void cleanUp() throws CoreException {
        Sessions.cleanUp();
    }

    @Test
    void attachPausesAMachineThatRunsOnAfterADetach() throws Exception {
        try (ListeningMachine machine = ListeningMachine.start(Guests.built("target/bench/dap-machine.elf"), "s3cret");
                DebugEvents events = new DebugEvents(null)) {
            CoreException refused = assertThrows(CoreException.class,
                    () -> Sessions.debug(Sessions.attach(machine.host(), machine.port(), "wrong")));
            assertTrue(refused.getStatus().getMessage().startsWith("attach: the token does not match"), refused.getStatus().getMessage());

            ILaunch launch = Sessions.debug(Sessions.attach(machine.host(), machine.port(), "s3cret"));
            FaultlineDebugTarget target = Sessions.target(launch);
            assertTrue(target.getName().contains("attached to " + machine.host() + ":" + machine.port()), target.getName());
            assertTrue(target.canDisconnect());
            target.suspend();
            DebugEvent paused = events.await("the pause", DebugEvents.stopOf(FaultlineThread.class), 60);
            assertEquals(DebugEvent.CLIENT_REQUEST, paused.getDetail());
            assertTrue(target.getThreads().length > 1, "the bench machine's threads are listed");

            target.disconnect();
            assertTrue(target.isDisconnected() && launch.isTerminated());
            assertTrue(machine.isAlive(), "a detach leaves the machine running");

            ILaunch again = Sessions.debug(Sessions.attach(machine.host(), machine.port(), "s3cret"));
            assertTrue(Sessions.target(again).hasThreads(), "the next client attaches to the same machine");
            Sessions.target(again).disconnect();
        }
    }

    @Test
    void nothingListeningIsSaidPlainly() {
        CoreException refused = assertThrows(CoreException.class, () -> Sessions.debug(Sessions.attach("127.0.0.1", 1, "")));
        assertTrue(refused.getStatus().getMessage().startsWith("cannot connect to a Faultline debug adapter at 127.0.0.1:1"),
                refused.getStatus().getMessage());
    }
}
