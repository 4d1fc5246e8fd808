package dev.faultline.dap.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.eclipse.lsp4j.debug.StackFrame;
import org.eclipse.lsp4j.debug.Variable;
import org.junit.jupiter.api.Test;

import dev.faultline.emulator.testing.Toolchain;

/** The Locals scope: parameters and variables where DWARF places them, in the innermost frame and in callers. */
class LocalsTest extends ServerFixture {

    @Test
    void localsShowParametersAndVariablesOfEachFrame() {
        int thread = launchStopped(Guests.testGuest("steps"));
        setBreakpoints(stepsSource(), at(lineOf(stepsSource(), "return result;")));
        resume(thread);
        client.stopped();
        resume(thread);
        client.stopped();
        StackFrame[] frames = frames(thread);
        Variable[] square = scope(frames[0].getId(), "Locals");
        assertEquals("2", value(square, "x"), "the second call squares 2");
        assertEquals("4", value(square, "result"));
        assertEquals("long int", type(square, "x"));
        Variable[] caller = scope(frames[1].getId(), "Locals");
        assertEquals("4", value(caller, "n"));
        assertEquals("1", value(caller, "total"), "1 squared so far");
        assertEquals("2", value(caller, "i"), "i lives in the loop's block");
        org.eclipse.lsp4j.debug.EvaluateArguments hover = new org.eclipse.lsp4j.debug.EvaluateArguments();
        hover.setExpression("total");
        hover.setFrameId(frames[1].getId());
        hover.setContext("hover");
        assertEquals("1", TestClient.await(client.server().evaluate(hover)).getResult(), "a hover on a local shows its value");
        Variable[] main = scope(frames[2].getId(), "Locals");
        assertTrue(value(main, "nowhere").startsWith("0x"), "a pointer shows as an address");
    }

    private static String type(Variable[] variables, String name) {
        for (Variable variable : variables) {
            if (variable.getName().equals(name)) {
                return variable.getType();
            }
        }
        throw new AssertionError("no variable " + name);
    }

    @Test
    void optimisedCodeShowsVariablesFromLocationListsInInlinedAndCallerFrames() {
        Path optimised = Toolchain.repositoryRoot().resolve("bundles/dev.faultline.dap/src/test/guest/optimised.c");
        int thread = launchStopped(Guests.optimisedTestGuest("optimised"));
        setBreakpoints(optimised, at(lineOf(optimised, "sink = scaled;")));
        for (int hit = 0; hit < 3; hit++) {
            resume(thread);
            client.stopped();
        }
        StackFrame[] frames = frames(thread);
        assertEquals("scale", frames[0].getName(), "the inlined copy is a frame of its own");
        Variable[] scale = scope(frames[0].getId(), "Locals");
        assertEquals("2", value(scale, "value"), "the third time round, i is 2");
        assertEquals("3", value(scale, "factor"));
        assertEquals("6", value(scale, "scaled"));
        assertEquals("long int", type(scale, "scaled"), "an inlined variable's type comes from its origin");
        Variable[] accumulate = scope(frames[1].getId(), "Locals");
        assertEquals("5", value(accumulate, "n"));
        assertEquals("3", value(accumulate, "total"), "0 * 3 + 1 * 3");
        assertEquals("2", value(accumulate, "i"));

        setBreakpoints(optimised);
        setBreakpoints(optimised, at(lineOf(optimised, "printf(\"accumulated")));
        resume(thread);
        client.stopped();
        frames = frames(thread);
        assertEquals("report", frames[0].getName());
        assertEquals("30", value(scope(frames[0].getId(), "Locals"), "result"));
        assertEquals("main", frames[1].getName());
        Variable[] main = scope(frames[1].getId(), "Locals");
        assertEquals("30", value(main, "kept"), "kept lives in s0, which report saves and the unwinder recovers");
        assertTrue(value(main, "reported").startsWith("<optimized out"), value(main, "reported"));

        setBreakpoints(optimised, at(lineOf(optimised, "sink = 1;")));
        resume(thread);
        client.stopped();
        frames = frames(thread);
        assertEquals("announce", frames[0].getName());
        assertEquals("31", value(scope(frames[0].getId(), "Locals"), "count"),
                "count is dead after printf: its value on entry comes from main's call site, kept + 1 with kept in s0");

        setBreakpoints(optimised, at(lineOf(optimised, "sink = 2;")));
        resume(thread);
        client.stopped();
        frames = frames(thread);
        assertEquals("label_of", frames[0].getName());
        Variable info = variable(scope(frames[0].getId(), "Locals"), "info");
        assertEquals("seL4_MessageInfo_t", info.getType());
        assertEquals("{words = {...}}", info.getValue(), "a struct in a register reads as one in memory");
        Variable words = variable(open(info), "words");
        assertEquals("{" + (7 << 12 | 2) + "}", words.getValue(), "label 7, length 2");
        assertEquals(Long.toString(7 << 12 | 2), value(open(words), "[0]"));
    }



    @Test
    void anInlinedCopyInsideABlockReadsItsVariablesFromTheFrameOfItsFunction() {
        Path inlined = Toolchain.repositoryRoot().resolve("bundles/dev.faultline.dap/src/test/guest/inlined.c");
        int thread = launchStopped(Guests.testGuest("inlined"));
        setBreakpoints(inlined, at(lineOf(inlined, "return doubled;")));
        resume(thread);
        client.stopped();
        resume(thread);
        client.stopped();
        StackFrame[] frames = frames(thread);
        assertEquals("twice", frames[0].getName());
        Variable[] twice = scope(frames[0].getId(), "Locals");
        assertEquals("2", value(twice, "value"), "the second time round the loop");
        assertEquals("4", value(twice, "doubled"), "at DW_OP_fbreg from main's frame base");
        Variable[] main = scope(frames[1].getId(), "Locals");
        assertEquals("2", value(main, "sum"), "twice(1) so far");
        assertEquals("2", value(main, "i"));
    }
}
