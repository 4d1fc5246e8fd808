package dev.faultline.dap.server;

import static dev.faultline.dap.server.TestClient.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.eclipse.lsp4j.debug.Breakpoint;
import org.eclipse.lsp4j.debug.BreakpointEventArguments;
import org.eclipse.lsp4j.debug.StoppedEventArguments;
import org.eclipse.lsp4j.debug.TerminateArguments;
import org.junit.jupiter.api.Test;

/** The configuration order clients use: breakpoints before launch, configurationDone before or after it, terminate. */
class ConfigurationTest extends ServerFixture {

    private final int squareBody = lineOf(stepsSource(), "long result = x * x;");

    @Test
    void breakpointsSetBeforeLaunchArePlacedAtLaunchWithTheirIds() {
        client.initialize();
        Breakpoint pending = setBreakpoints(stepsSource(), at(squareBody))[0];
        assertFalse(pending.isVerified());
        assertTrue(pending.getMessage().contains("launch"), pending.getMessage());
        client.launch(Guests.testGuest("steps"), false);
        BreakpointEventArguments placed = (BreakpointEventArguments) client.next("breakpoint").body();
        assertEquals(pending.getId(), placed.getBreakpoint().getId());
        assertTrue(placed.getBreakpoint().isVerified());
        assertEquals(squareBody, placed.getBreakpoint().getLine());
        await(client.server().configurationDone(null));
        StoppedEventArguments stopped = client.stopped();
        assertEquals("breakpoint", stopped.getReason());
        assertEquals(pending.getId(), stopped.getHitBreakpointIds()[0]);
    }

    @Test
    void configurationDoneBeforeTheLaunchStartsTheMachineOnceLaunched() {
        client.initialize();
        await(client.server().configurationDone(null));
        client.launch(Guests.testGuest("steps"), false);
        assertEquals(125, ((org.eclipse.lsp4j.debug.ExitedEventArguments) client.next("exited").body()).getExitCode());
    }

    @Test
    void aLaunchedMachineWaitsForConfigurationDone() throws InterruptedException {
        client.initialize();
        client.launch(Guests.testGuest("steps"), false);
        Thread.sleep(200);
        assertEquals(0L, (long) host.machine().call(debuggee -> debuggee.machine().kernel().now()),
                "nothing ran before configurationDone");
        await(client.server().configurationDone(null));
        client.next("exited");
    }

    @Test
    void terminateEndsTheMachineAndANewOneCanBeLaunched() {
        launchStopped(Guests.testGuest("steps"));
        await(client.server().terminate(new TerminateArguments()));
        client.next("terminated");
        assertFalse(host.machine().hasMachine());
        await(client.server().launch(Map.of("program", Guests.testGuest("steps").toString(), "stopOnEntry", true)));
        assertEquals("entry", client.stopped().getReason());
    }
}
