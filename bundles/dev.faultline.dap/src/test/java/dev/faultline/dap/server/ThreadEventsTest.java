package dev.faultline.dap.server;

import static dev.faultline.dap.server.TestClient.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.lsp4j.debug.StoppedEventArguments;
import org.eclipse.lsp4j.debug.Thread;
import org.eclipse.lsp4j.debug.ThreadEventArguments;
import org.junit.jupiter.api.Test;

/** thread events: started when a TCB is made, exited when its last cap goes; threads lists the live ones. */
class ThreadEventsTest extends ServerFixture {

    private static Path exitSource() {
        return dev.faultline.emulator.testing.Toolchain.repositoryRoot()
                .resolve("bundles/dev.faultline.dap/src/test/guest/exit.c");
    }

    private List<String> threadEvents() {
        List<String> events = new ArrayList<>();
        for (TestClient.Event event : client.history()) {
            if (event.body() instanceof ThreadEventArguments thread) {
                events.add(thread.getReason() + " " + thread.getThreadId());
            }
        }
        return events;
    }

    @Test
    void deletingTheLastCapToAThreadSendsItsExitedEventAndThreadsNoLongerListsIt() {
        int main = launchStopped(Guests.testGuest("exit"));
        Thread[] before = await(client.server().threads()).getThreads();
        assertEquals(1, before.length);

        setBreakpoints(exitSource(), at(lineOf(exitSource(), "after the delete")));
        resume(main);
        StoppedEventArguments stopped = client.stopped();
        assertEquals("breakpoint", stopped.getReason());
        assertEquals(main, stopped.getThreadId());

        List<String> events = threadEvents();
        assertEquals(2, events.size(), events.toString());
        String worker = events.get(0).substring("started ".length());
        assertEquals(List.of("started " + worker, "exited " + worker), events);
        Thread[] after = await(client.server().threads()).getThreads();
        assertEquals(1, after.length);
        assertEquals(main, after[0].getId());
        assertTrue(client.outputs("stdout").contains("worker: running"), client.output());
    }

    @Test
    void aThreadThatLivesToTheEndGetsNoExitedEvent() {
        int thread = launchStopped(Guests.testGuest("steps"));
        resume(thread);
        client.next("terminated");
        assertEquals(List.of(), threadEvents());
    }
}
