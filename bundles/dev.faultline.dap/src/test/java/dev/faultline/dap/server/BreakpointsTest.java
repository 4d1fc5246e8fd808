package dev.faultline.dap.server;

import static dev.faultline.dap.server.TestClient.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.eclipse.lsp4j.debug.Breakpoint;
import org.eclipse.lsp4j.debug.BreakpointLocation;
import org.eclipse.lsp4j.debug.BreakpointLocationsArguments;
import org.eclipse.lsp4j.debug.EvaluateArguments;
import org.eclipse.lsp4j.debug.FunctionBreakpoint;
import org.eclipse.lsp4j.debug.InstructionBreakpoint;
import org.eclipse.lsp4j.debug.SetFunctionBreakpointsArguments;
import org.eclipse.lsp4j.debug.SetInstructionBreakpointsArguments;
import org.eclipse.lsp4j.debug.SourceBreakpoint;
import org.eclipse.lsp4j.debug.StackFrame;
import org.eclipse.lsp4j.debug.StoppedEventArguments;
import org.eclipse.lsp4j.debug.Thread;
import org.junit.jupiter.api.Test;

/** Source, function and instruction breakpoints, with conditions, hit counts and log messages evaluated in the machine. */
class BreakpointsTest extends ServerFixture {

    private final int squareBody = lineOf(stepsSource(), "long result = x * x;");
    private final Path ipc = dev.faultline.emulator.testing.Toolchain.repositoryRoot().resolve("examples/ipc/ipc.c");

    private List<Integer> locations(Path file, int line, Integer endLine) {
        BreakpointLocationsArguments arguments = new BreakpointLocationsArguments();
        arguments.setSource(source(file));
        arguments.setLine(line);
        arguments.setEndLine(endLine);
        return Arrays.stream(await(client.server().breakpointLocations(arguments)).getBreakpoints())
                .map(BreakpointLocation::getLine).toList();
    }

    @Test
    void breakpointLocationsAreTheLinesOfARangeThatHaveCode() {
        client.initialize();
        int body = lineOf(stepsSource(), "long result = x * x;");
        assertEquals(List.of(), locations(stepsSource(), body, null), "no machine yet: no code to stop at");
        client.launch(Guests.testGuest("steps"), true);
        await(client.server().configurationDone(null));
        client.stopped();
        int blank = lineOf(stepsSource(), "static long square(long x)") - 1;
        int loop = lineOf(stepsSource(), "for (long i = 1; i <= n; i++)");
        List<Integer> lines = locations(stepsSource(), blank, loop);
        assertTrue(lines.containsAll(List.of(body, body + 1, loop)), lines.toString());
        assertFalse(lines.contains(blank), "a blank line has no code");
        assertEquals(lines.stream().sorted().toList(), lines, "in order");
        assertTrue(lines.stream().allMatch(line -> line >= blank && line <= loop), "only the range asked for");
        assertEquals(List.of(body), locations(stepsSource(), body, null), "no endLine: the one line");
        assertEquals(List.of(), locations(Path.of("/nowhere/other.c"), 1, 100));
    }

    @Test
    void aSourceBreakpointStopsInItsFunctionWithTheCallersBelow() {
        int thread = launchStopped(Guests.testGuest("steps"));
        Breakpoint[] set = setBreakpoints(stepsSource(), at(squareBody));
        assertTrue(set[0].isVerified(), set[0].getMessage());
        assertEquals(squareBody, set[0].getLine());
        resume(thread);
        StoppedEventArguments stopped = client.stopped();
        assertEquals("breakpoint", stopped.getReason());
        assertArrayEquals(new Integer[] {set[0].getId()}, stopped.getHitBreakpointIds());
        StackFrame[] frames = frames(stopped.getThreadId());
        assertEquals("square", frames[0].getName());
        assertLine(squareBody, frames[0]);
        assertTrue(frames[0].getSource().getPath().endsWith("steps.c"), frames[0].getSource().getPath());
        assertEquals("sum_of_squares", frames[1].getName());
        assertLine(lineOf(stepsSource(), "total += square(i);"), frames[1]);
        assertEquals("main", frames[2].getName());
        assertEquals(0, evaluate("counter"), "the first call: nothing counted yet");
    }

    @Test
    void aBreakpointOnACommentMovesToTheCodeBelow() {
        launchStopped(Guests.testGuest("steps"));
        int comment = lineOf(stepsSource(), "static long square(long x)") - 1;
        Breakpoint[] set = setBreakpoints(stepsSource(), at(comment));
        assertTrue(set[0].isVerified());
        assertTrue(set[0].getLine() > comment);
    }

    @Test
    void aBreakpointInAFileOfNoProgramIsNotVerifiedAndSaysWhy() {
        launchStopped(Guests.testGuest("steps"));
        Breakpoint[] set = setBreakpoints(Path.of("/nowhere/other.c"), at(3));
        assertFalse(set[0].isVerified());
        assertTrue(set[0].getMessage().contains("other.c"), set[0].getMessage());
    }

    /** Runs the steps guest to the first stop of a breakpoint in square() set up by configure; answers the thread. */
    private int stopInSquareWhen(java.util.function.Consumer<SourceBreakpoint> configure) {
        int thread = launchStopped(Guests.testGuest("steps"));
        SourceBreakpoint breakpoint = at(squareBody);
        configure.accept(breakpoint);
        setBreakpoints(stepsSource(), breakpoint);
        resume(thread);
        assertEquals("breakpoint", client.stopped().getReason());
        return thread;
    }

    @Test
    void aConditionIsEvaluatedAtEveryHitAndStopsOnlyWhenTrue() {
        stopInSquareWhen(breakpoint -> breakpoint.setCondition("counter == 2"));
        assertEquals(2, evaluate("counter"));
    }

    @Test
    void aConditionAndALogMessageReadTheFramesParametersAndVariables() {
        int thread = stopInSquareWhen(breakpoint -> breakpoint.setCondition("x == 3 && counter == 2"));
        assertEquals(2, evaluate("counter"), "square(3) comes after two counts");
        EvaluateArguments watch = new EvaluateArguments();
        watch.setExpression("i * 10 + total");
        watch.setFrameId(frames(thread)[1].getId());
        watch.setContext("watch");
        assertEquals("35", await(client.server().evaluate(watch)).getResult(),
                "the caller's variables, in decimal: i = 3, total = 1 + 4");
    }

    @Test
    void aConditionOnAVariableOfOptimisedInlinedCodeIsEvaluatedWhereItLives() {
        Path optimised = dev.faultline.emulator.testing.Toolchain.repositoryRoot()
                .resolve("bundles/dev.faultline.dap/src/test/guest/optimised.c");
        int thread = launchStopped(Guests.optimisedTestGuest("optimised"));
        SourceBreakpoint conditional = at(lineOf(optimised, "sink = scaled;"));
        conditional.setCondition("value == 2");
        setBreakpoints(optimised, conditional);
        resume(thread);
        client.stopped();
        assertEquals("6", value(scope(frames(thread)[0].getId(), "Locals"), "scaled"), "value 2, factor 3");
    }

    @Test
    void aLogMessageShowsAVariableInDecimal() {
        String output = runWithLogpoint("x={x} result={result + 0}");
        assertTrue(output.contains("x=1 result="), output);
        assertTrue(output.contains("x=4 result="), output);
    }

    @Test
    void aHitConditionStopsOnTheNthHit() {
        stopInSquareWhen(breakpoint -> breakpoint.setHitCondition("3"));
        assertEquals(2, evaluate("counter"), "square's third call comes after two counts");
    }

    /** Runs the steps guest to its end with a logpoint of this message in square(); answers the output. */
    private String runWithLogpoint(String message) {
        int thread = launchStopped(Guests.testGuest("steps"));
        SourceBreakpoint log = at(squareBody);
        log.setLogMessage(message);
        setBreakpoints(stepsSource(), log);
        resume(thread);
        client.next("exited");
        return client.output();
    }

    @Test
    void aLogMessageShowsRegistersInHexAndMemoryWordsInDecimal() {
        String output = runWithLogpoint("pc={pc} x={a0} counter={counter} next={counter + 1}");
        java.util.regex.Matcher first = java.util.regex.Pattern
                .compile("pc=0x([0-9a-f]{16}) x=0x0{15}1 counter=0 next=1\n").matcher(output);
        assertTrue(first.find(), output);
        assertTrue(output.contains("pc=0x" + first.group(1) + " x=0x0000000000000002 counter=1 next=2\n"),
                "the same breakpoint, the next call: " + output);
    }

    @Test
    void aLogMessagePrintsAtEveryHitWithoutStopping() {
        String output = runWithLogpoint("counter={counter}");
        assertTrue(output.contains("counter=0\ncounter=1\ncounter=2\ncounter=3\n"), output);
        assertEquals(1, client.history().stream().filter(event -> event.name().equals("stopped")).count(),
                "only the entry stop: the logpoint never stopped the machine");
    }

    @Test
    void aFunctionBreakpointStopsAtTheSymbol() {
        int thread = launchStopped(Guests.testGuest("steps"));
        SetFunctionBreakpointsArguments arguments = new SetFunctionBreakpointsArguments();
        FunctionBreakpoint function = new FunctionBreakpoint();
        function.setName("sum_of_squares");
        arguments.setBreakpoints(new FunctionBreakpoint[] {function});
        Breakpoint[] set = await(client.server().setFunctionBreakpoints(arguments)).getBreakpoints();
        assertTrue(set[0].isVerified());
        resume(thread);
        StoppedEventArguments stopped = client.stopped();
        assertEquals("function breakpoint", stopped.getReason());
        StackFrame top = frames(stopped.getThreadId())[0];
        assertEquals("sum_of_squares", top.getName());
        assertEquals(set[0].getInstructionReference(), top.getInstructionPointerReference());
    }

    @Test
    void anInstructionBreakpointStopsAtItsAddress() {
        int thread = launchStopped(Guests.testGuest("steps"));
        long square = evaluate("square");
        InstructionBreakpoint instruction = new InstructionBreakpoint();
        instruction.setInstructionReference("0x" + Long.toHexString(square));
        instruction.setOffset(4);
        assertTrue(setInstructionBreakpoint(instruction).isVerified());
        resume(thread);
        StoppedEventArguments stopped = client.stopped();
        assertEquals("instruction breakpoint", stopped.getReason());
        assertEquals("0x" + Long.toHexString(square + 4), frames(stopped.getThreadId())[0].getInstructionPointerReference());
    }

    @Test
    void breakpointsOfSeveralKindsAtOneAddressStopTogetherEachByItsOwnCondition() {
        int thread = launchStopped(Guests.testGuest("steps"));
        long square = evaluate("square");
        SetFunctionBreakpointsArguments functions = new SetFunctionBreakpointsArguments();
        FunctionBreakpoint function = new FunctionBreakpoint();
        function.setName("square");
        function.setCondition("a0 == 3");
        functions.setBreakpoints(new FunctionBreakpoint[] {function});
        int functionId = await(client.server().setFunctionBreakpoints(functions)).getBreakpoints()[0].getId();
        InstructionBreakpoint instruction = new InstructionBreakpoint();
        instruction.setInstructionReference("0x" + Long.toHexString(square));
        instruction.setCondition("x10 >= 2");
        int instructionId = setInstructionBreakpoint(instruction).getId();
        resume(thread);
        StoppedEventArguments second = client.stopped();
        assertArrayEquals(new Integer[] {instructionId}, second.getHitBreakpointIds(), "square(2): only x10 >= 2 holds");
        assertEquals(2, evaluate("a0"));
        resume(thread);
        StoppedEventArguments third = client.stopped();
        assertArrayEquals(new Integer[] {functionId, instructionId}, third.getHitBreakpointIds(),
                "square(3): both hold, in the order they were set");
    }

    private Breakpoint setInstructionBreakpoint(InstructionBreakpoint instruction) {
        SetInstructionBreakpointsArguments arguments = new SetInstructionBreakpointsArguments();
        arguments.setBreakpoints(new InstructionBreakpoint[] {instruction});
        return await(client.server().setInstructionBreakpoints(arguments)).getBreakpoints()[0];
    }

    @Test
    void aConditionNamingNoRegisterLeavesTheBreakpointUnverifiedAndSaysWhy() {
        launchStopped(Guests.testGuest("steps"));
        SourceBreakpoint conditional = at(squareBody);
        conditional.setCondition("$counter == 2");
        Breakpoint[] set = setBreakpoints(stepsSource(), conditional);
        assertFalse(set[0].isVerified());
        assertTrue(set[0].getMessage().contains("no register named 'counter'"), set[0].getMessage());
    }

    @Test
    void aBreakpointOnALineThatMakesAnInlinedCallStopsInTheCallerAtThatLineAndNextStepsOverTheCall() {
        int thread = launchStopped(Guests.example("ipc"));
        // seL4_CallWithMRs is inlined into client_main; its first instruction also begins the line's code.
        int call = lineOf(ipc, "seL4_CallWithMRs(CLIENT_BADGED_ENDPOINT");
        Breakpoint[] set = setBreakpoints(ipc, at(call));
        assertEquals(call, set[0].getLine());
        assertTrue(set[0].getSource().getPath().endsWith("examples/ipc/ipc.c"), "the breakpoint stays in ipc.c: "
                + set[0].getSource().getPath());
        resume(thread);
        StoppedEventArguments stopped = client.stopped();
        setBreakpoints(ipc);
        org.eclipse.lsp4j.debug.StackFrame[] frames = frames(stopped.getThreadId());
        assertEquals("client_main", frames[0].getName(), "the caller, not the inlined seL4_CallWithMRs");
        assertEquals(call, frames[0].getLine());
        assertTrue(frames[0].getSource().getPath().endsWith("examples/ipc/ipc.c"), frames[0].getSource().getPath());
        org.eclipse.lsp4j.debug.NextArguments next = new org.eclipse.lsp4j.debug.NextArguments();
        next.setThreadId(stopped.getThreadId());
        await(client.server().next(next));
        assertEquals("step", client.stopped().getReason());
        frames = frames(stopped.getThreadId());
        assertEquals("client_main", frames[0].getName(), "next went over the inlined call, not into it");
        assertTrue(frames[0].getSource().getPath().endsWith("examples/ipc/ipc.c"), frames[0].getSource().getPath());
    }

    @Test
    void aSourceBreakpointInTheIpcExampleStopsTheServerWithTheClientsListed() {
        int thread = launchStopped(Guests.example("ipc"));
        int badged = lineOf(ipc, "printf(\"Badged %lu\\n\"");
        Breakpoint[] set = setBreakpoints(ipc, at(badged));
        assertTrue(set[0].isVerified(), set[0].getMessage());
        resume(thread);
        StoppedEventArguments stopped = client.stopped();
        assertEquals("breakpoint", stopped.getReason());
        org.eclipse.lsp4j.debug.StackFrame[] frames = frames(stopped.getThreadId());
        assertEquals(badged, frames[0].getLine());
        // GCC inlines hand_out_badged_endpoint (and serve, which calls it) into main: each inlined
        // copy is a frame of its own, and main stands where serve was called.
        assertEquals("hand_out_badged_endpoint", frames[0].getName());
        assertEquals(List.of("hand_out_badged_endpoint", "serve", "main", "_start"),
                Arrays.stream(frames).map(org.eclipse.lsp4j.debug.StackFrame::getName).toList());
        assertEquals(lineOf(ipc, "hand_out_badged_endpoint();"), frames[1].getLine());
        assertEquals(lineOf(ipc, "    serve();"), frames[2].getLine());
        assertEquals(frames[0].getInstructionPointerReference(), frames[2].getInstructionPointerReference());
        Thread[] threads = await(client.server().threads()).getThreads();
        assertEquals(3, threads.length);
        java.util.Set<Integer> started = new java.util.HashSet<>();
        for (TestClient.Event event : client.history()) {
            if (event.name().equals("thread")) {
                started.add(((org.eclipse.lsp4j.debug.ThreadEventArguments) event.body()).getThreadId());
            }
        }
        assertEquals(java.util.Set.of(threads[1].getId(), threads[2].getId()), started,
                "a thread event for each client the root task made");
        assertTrue(threads[1].getName().startsWith("client_1") || threads[2].getName().startsWith("client_1"),
                threads[1].getName() + ", " + threads[2].getName());
        assertTrue(client.output().contains("Client 2: waiting for badged endpoint"), client.output());
    }
}
