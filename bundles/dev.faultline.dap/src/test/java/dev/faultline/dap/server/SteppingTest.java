package dev.faultline.dap.server;

import static dev.faultline.dap.server.TestClient.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eclipse.lsp4j.debug.NextArguments;
import org.eclipse.lsp4j.debug.StackFrame;
import org.eclipse.lsp4j.debug.StepInArguments;
import org.eclipse.lsp4j.debug.StepOutArguments;
import org.eclipse.lsp4j.debug.SteppingGranularity;
import org.eclipse.lsp4j.debug.StoppedEventArguments;
import org.junit.jupiter.api.Test;

/** next, stepIn and stepOut at line and instruction granularity, in a guest built at -O0. */
class SteppingTest extends ServerFixture {

    private final int call = lineOf(stepsSource(), "total += square(i);");
    private final int count = lineOf(stepsSource(), "counter = i;");
    private final int squareBody = lineOf(stepsSource(), "long result = x * x;");

    /** Stops at the call of square in the loop, the first time. */
    private int stopAtCall() {
        int thread = launchStopped(Guests.testGuest("steps"));
        setBreakpoints(stepsSource(), at(call));
        resume(thread);
        StoppedEventArguments stopped = client.stopped();
        setBreakpoints(stepsSource());
        return stopped.getThreadId();
    }

    private StackFrame stepped(int thread) {
        StoppedEventArguments stopped = client.stopped();
        assertEquals("step", stopped.getReason());
        assertEquals(thread, stopped.getThreadId());
        return frames(thread)[0];
    }

    @Test
    void stepInEntersTheCalledFunctionAtItsFirstLine() {
        int thread = stopAtCall();
        StepInArguments in = new StepInArguments();
        in.setThreadId(thread);
        await(client.server().stepIn(in));
        StackFrame top = stepped(thread);
        assertEquals("square", top.getName());
        assertLine(squareBody, top);
    }

    @Test
    void nextStepsOverTheCallToTheNextLine() {
        int thread = stopAtCall();
        NextArguments next = new NextArguments();
        next.setThreadId(thread);
        await(client.server().next(next));
        StackFrame top = stepped(thread);
        assertEquals("sum_of_squares", top.getName());
        assertLine(count, top);
    }

    @Test
    void stepOutReturnsToTheCaller() {
        int thread = stopAtCall();
        StepInArguments in = new StepInArguments();
        in.setThreadId(thread);
        await(client.server().stepIn(in));
        assertEquals("square", stepped(thread).getName());
        StepOutArguments out = new StepOutArguments();
        out.setThreadId(thread);
        await(client.server().stepOut(out));
        StackFrame top = stepped(thread);
        assertEquals("sum_of_squares", top.getName());
        assertLine(call, top);
    }

    @Test
    void anInstructionStepMovesOneInstruction() {
        int thread = stopAtCall();
        String before = frames(thread)[0].getInstructionPointerReference();
        NextArguments next = new NextArguments();
        next.setThreadId(thread);
        next.setGranularity(SteppingGranularity.INSTRUCTION);
        await(client.server().next(next));
        String after = stepped(thread).getInstructionPointerReference();
        assertNotEquals(before, after);
        long distance = Long.decode(after) - Long.decode(before);
        assertTrue(distance == 2 || distance == 4, before + " -> " + after);
    }

    @Test
    void continuingFromAStepThatEndedOnABreakpointRunsOnInsteadOfStoppingThereAgain() {
        int thread = launchStopped(Guests.testGuest("steps"));
        setBreakpoints(stepsSource(), at(call), at(count));
        resume(thread);
        assertLine(call, frames(client.stopped().getThreadId())[0]);
        NextArguments next = new NextArguments();
        next.setThreadId(thread);
        await(client.server().next(next));
        assertLine(count, stepped(thread));
        resume(thread);
        StoppedEventArguments stopped = client.stopped();
        assertEquals("breakpoint", stopped.getReason());
        assertLine(call, frames(thread)[0]);
        assertEquals(1, evaluate("counter"), "the loop went round once: the breakpoint under the step did not stop it again");
    }

    @Test
    void stepOutOfInlinedCodeStopsInTheFunctionItIsInlinedInto() {
        java.nio.file.Path optimised = dev.faultline.emulator.testing.Toolchain.repositoryRoot()
                .resolve("bundles/dev.faultline.dap/src/test/guest/optimised.c");
        int thread = launchStopped(Guests.optimisedTestGuest("optimised"));
        setBreakpoints(optimised, at(lineOf(optimised, "sink = scaled;")));
        resume(thread);
        client.stopped();
        setBreakpoints(optimised);
        assertEquals("scale", frames(thread)[0].getName(), "stopped inside the copy of scale inlined into accumulate");
        StepOutArguments out = new StepOutArguments();
        out.setThreadId(thread);
        await(client.server().stepOut(out));
        assertEquals("step", client.stopped().getReason());
        StackFrame[] frames = frames(thread);
        assertEquals("accumulate", frames[0].getName(), "out of the inlined copy, not out of accumulate");
        assertEquals("main", frames[1].getName());
    }
}
