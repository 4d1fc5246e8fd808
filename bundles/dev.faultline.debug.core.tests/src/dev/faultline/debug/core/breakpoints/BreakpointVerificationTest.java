package dev.faultline.debug.core.breakpoints;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IMarkerDelta;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.debug.core.ILaunch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.faultline.debug.core.launch.AdapterMode;
import dev.faultline.debug.core.model.FaultlineDebugTarget;
import dev.faultline.debug.core.model.FaultlineThread;
import dev.faultline.debug.core.testing.DebugEvents;
import dev.faultline.debug.core.testing.ExamplesProject;
import dev.faultline.debug.core.testing.Guests;
import dev.faultline.debug.core.testing.Sessions;

/** What the adapter answers about breakpoints, shown on their markers while a session runs. */
class BreakpointVerificationTest {

    @AfterEach
    void cleanUp() throws CoreException {
        Sessions.cleanUp();
    }

    @Test
    void aBreakpointInAFileNoProgramWasBuiltFromIsUnverifiedWithTheAdaptersReasonUntilTheSessionEnds() throws Exception {
        IFile other = ExamplesProject.file("bare/hello.c");
        int line = Guests.lineOf(Guests.source("bare/hello.c"), "bare_puts(");
        FaultlineLineBreakpoint breakpoint = new FaultlineLineBreakpoint(other, other.getLocation().toOSString(), line);
        try (DebugEvents events = new DebugEvents(null)) {
            ILaunch launch = Sessions.debug(Sessions.program(Guests.built("target/ipc.elf"), AdapterMode.IN_PROCESS, List.of(), true));
            events.await("the stop on entry", DebugEvents.stopOf(FaultlineThread.class), 60);
            settle();
            assertTrue(BreakpointStatus.isUnverified(breakpoint), "ipc.elf was not built from hello.c");
            assertEquals("no program of this machine was built from " + other.getLocation().toOSString()
                    + " (or it has no DWARF line table)", BreakpointStatus.reason(breakpoint));
            assertEquals(line, breakpoint.getLineNumber(), "an unverified breakpoint stays where the user put it");

            Sessions.target(launch).terminate();
            events.await("the end of the session", DebugEvents.terminateOf(FaultlineDebugTarget.class), 60);
            settle();
            assertFalse(BreakpointStatus.isUnverified(breakpoint),
                    "with no session a breakpoint is not unverified: " + breakpoint.getMarker().getAttributes());
            assertNull(breakpoint.getMarker().getAttribute(BreakpointStatus.VERIFIED));
            assertEquals("", BreakpointStatus.reason(breakpoint));
        }
    }

    @Test
    void aWatchpointOnAnExpressionTheAdapterCannotReadIsUnverifiedWithTheAdaptersError() throws Exception {
        FaultlineWatchpoint unreadable = new FaultlineWatchpoint("no_such_symbol + 8");
        FaultlineWatchpoint counter = new FaultlineWatchpoint("counter");
        try (DebugEvents events = new DebugEvents(null)) {
            Sessions.debug(Sessions.program(Guests.built("target/bench/dap-machine.elf"), AdapterMode.IN_PROCESS, List.of(), true));
            events.await("the stop on entry", DebugEvents.stopOf(FaultlineThread.class), 60);
            settle();
            assertTrue(BreakpointStatus.isUnverified(unreadable));
            assertTrue(BreakpointStatus.reason(unreadable).startsWith("watchpoint on no_such_symbol + 8: ")
                    && BreakpointStatus.reason(unreadable).contains("no_such_symbol"), BreakpointStatus.reason(unreadable));
            assertTrue(BreakpointStatus.isVerified(counter), "the other watchpoint is placed all the same");
        }
    }

    @Test
    void aBreakpointOnACommentMovesToTheNextLineWithCodeWithoutSendingItAgainAndStopsThere() throws Exception {
        IFile source = ExamplesProject.file("ipc/ipc.c");
        int comment = Guests.lineOf(Guests.source("ipc/ipc.c"), "/* Call: send our id in MR0");
        int code = Guests.lineOf(Guests.source("ipc/ipc.c"), "seL4_Word id = me->id;");
        assertEquals(comment + 1, code, "the comment is right above the code");
        FaultlineLineBreakpoint breakpoint = new FaultlineLineBreakpoint(source, source.getLocation().toOSString(), comment);
        try (MarkerDeltas deltas = new MarkerDeltas(breakpoint.getMarker()); DebugEvents events = new DebugEvents(null)) {
            ILaunch launch = Sessions.debug(Sessions.program(Guests.built("target/ipc.elf"), AdapterMode.IN_PROCESS, List.of(), true));
            events.await("the stop on entry", DebugEvents.stopOf(FaultlineThread.class), 60);
            settle();
            assertEquals(code, breakpoint.getLineNumber(), "the marker moved where the adapter placed the breakpoint");
            String text = Files.readString(Guests.source("ipc/ipc.c"));
            int start = breakpoint.getMarker().getAttribute(IMarker.CHAR_START, -1);
            int end = breakpoint.getMarker().getAttribute(IMarker.CHAR_END, -1);
            assertEquals("    seL4_Word id = me->id;", text.substring(start, end), "its characters are the code line's");
            assertEquals("Line breakpoint: ipc.c [line: " + code + "]", breakpoint.getMarker().getAttribute(IMarker.MESSAGE, ""));
            assertTrue(BreakpointStatus.isVerified(breakpoint));

            FaultlineDebugTarget target = Sessions.target(launch);
            IMarkerDelta move = deltas.await("the move", delta -> delta.getAttribute(IMarker.LINE_NUMBER, 0) == comment);
            assertFalse(target.breakpoints().changed(breakpoint, move), "the move the adapter made is not sent back to it");

            deltas.forget();
            breakpoint.getMarker().setAttribute(IMarker.LINE_NUMBER, code + 1);
            IMarkerDelta edit = deltas.await("the user's edit", delta -> delta.getAttribute(IMarker.LINE_NUMBER, 0) == code);
            assertTrue(target.breakpoints().changed(breakpoint, edit), "a line the user changed goes to the adapter");
            settle();
            deltas.forget();
            breakpoint.getMarker().setAttribute(IMarker.LINE_NUMBER, code);
            assertTrue(target.breakpoints().changed(breakpoint,
                    deltas.await("the user's edit back", delta -> delta.getAttribute(IMarker.LINE_NUMBER, 0) == code + 1)));
            settle();

            target.resume();
            FaultlineThread client = (FaultlineThread) events.await("the moved breakpoint", DebugEvents.stopOf(FaultlineThread.class), 60)
                    .getSource();
            assertArrayEquals(new Object[] {breakpoint}, client.getBreakpoints());
            assertEquals(code, client.getTopStackFrame().getLineNumber());
        }
    }

    /** Waits until the adapter's answers are on the markers; a resend loop never settles. */
    private static void settle() throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        Job.getJobManager().join(BreakpointStatus.JOB_FAMILY, new NullProgressMonitor() {
            @Override
            public boolean isCanceled() {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("the breakpoints' status did not settle within 30 s");
                }
                return false;
            }
        });
    }
}
