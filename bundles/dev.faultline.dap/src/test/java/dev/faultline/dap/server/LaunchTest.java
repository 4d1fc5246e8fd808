package dev.faultline.dap.server;

import static dev.faultline.dap.server.TestClient.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.eclipse.lsp4j.debug.Capabilities;
import org.eclipse.lsp4j.debug.ContinueArguments;
import org.eclipse.lsp4j.debug.ExitedEventArguments;
import org.eclipse.lsp4j.debug.StackFrame;
import org.eclipse.lsp4j.debug.StackTraceArguments;
import org.eclipse.lsp4j.debug.StoppedEventArguments;
import org.eclipse.lsp4j.debug.Thread;
import org.junit.jupiter.api.Test;

/** Launch with stop on entry, threads and stack traces, the run to the end, and restart, over a real socket. */
class LaunchTest extends ServerFixture {

    @Test
    void launchWithStopOnEntryStopsTheRootThreadAtItsEntry() {
        Path guest = Guests.testGuest("steps");
        Capabilities capabilities = client.initialize();
        assertTrue(capabilities.getSupportsConfigurationDoneRequest());
        client.launch(guest, true);
        await(client.server().configurationDone(null));
        StoppedEventArguments stopped = client.stopped();
        assertEquals("entry", stopped.getReason());
        assertTrue(stopped.getAllThreadsStopped());
        Thread[] threads = await(client.server().threads()).getThreads();
        assertEquals(1, threads.length);
        assertEquals(stopped.getThreadId(), threads[0].getId());
        StackTraceArguments trace = new StackTraceArguments();
        trace.setThreadId(stopped.getThreadId());
        StackFrame[] frames = await(client.server().stackTrace(trace)).getStackFrames();
        assertEquals("_start", frames[0].getName());
        assertTrue(frames[0].getInstructionPointerReference().startsWith("0x"));
        ContinueArguments resume = new ContinueArguments();
        resume.setThreadId(stopped.getThreadId());
        await(client.server().continue_(resume));
        ExitedEventArguments exited = (ExitedEventArguments) client.next("exited").body();
        assertEquals(125, exited.getExitCode(), "main faulted, so it never returned");
        client.next("terminated");
        assertTrue(client.output().contains("sum of squares: 30\n"), client.output());
    }

    @Test
    void restartRelaunchesTheProgramWithItsBreakpoints() {
        int thread = launchStopped(Guests.testGuest("steps"));
        setBreakpoints(stepsSource(), at(lineOf(stepsSource(), "long result = x * x;")));
        resume(thread);
        assertEquals("breakpoint", client.stopped().getReason());
        await(client.server().restart(new org.eclipse.lsp4j.debug.RestartArguments()));
        StoppedEventArguments entry = client.stopped();
        assertEquals("entry", entry.getReason());
        resume(entry.getThreadId());
        StoppedEventArguments again = client.stopped();
        assertEquals("breakpoint", again.getReason());
        assertEquals("square", frames(again.getThreadId())[0].getName());
    }
}
