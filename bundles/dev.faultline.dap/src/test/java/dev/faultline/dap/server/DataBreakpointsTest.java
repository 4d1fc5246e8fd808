package dev.faultline.dap.server;

import static dev.faultline.dap.server.TestClient.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.eclipse.lsp4j.debug.Breakpoint;
import org.eclipse.lsp4j.debug.DataBreakpoint;
import org.eclipse.lsp4j.debug.DataBreakpointAccessType;
import org.eclipse.lsp4j.debug.DataBreakpointInfoArguments;
import org.eclipse.lsp4j.debug.DataBreakpointInfoResponse;
import org.eclipse.lsp4j.debug.EvaluateArguments;
import org.eclipse.lsp4j.debug.SetDataBreakpointsArguments;
import org.eclipse.lsp4j.debug.SetVariableArguments;
import org.eclipse.lsp4j.debug.StackFrame;
import org.eclipse.lsp4j.debug.StoppedEventArguments;
import org.eclipse.lsp4j.debug.Variable;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.junit.jupiter.api.Test;

import dev.faultline.emulator.testing.Toolchain;

/** Data breakpoints: watchpoints on globals, variables and members, stopping after the access with the new value visible. */
class DataBreakpointsTest extends ServerFixture {

    private final Path values = Toolchain.repositoryRoot().resolve("bundles/dev.faultline.dap/src/test/guest/values.c");

    private Breakpoint watch(String name, String condition) {
        DataBreakpointInfoArguments info = new DataBreakpointInfoArguments();
        info.setName(name);
        DataBreakpointInfoResponse answer = await(client.server().dataBreakpointInfo(info));
        assertEquals("0x" + Long.toHexString(evaluate("&" + name)) + ":8", answer.getDataId());
        DataBreakpoint breakpoint = new DataBreakpoint();
        breakpoint.setDataId(answer.getDataId());
        breakpoint.setAccessType(DataBreakpointAccessType.WRITE);
        breakpoint.setCondition(condition);
        SetDataBreakpointsArguments arguments = new SetDataBreakpointsArguments();
        arguments.setBreakpoints(new DataBreakpoint[] {breakpoint});
        Breakpoint set = await(client.server().setDataBreakpoints(arguments)).getBreakpoints()[0];
        assertTrue(set.isVerified(), set.getMessage());
        return set;
    }

    @Test
    void aWriteWatchpointStopsAfterEachStoreWithTheNewValue() {
        int thread = launchStopped(Guests.testGuest("steps"));
        Breakpoint set = watch("counter", null);
        resume(thread);
        StoppedEventArguments stopped = client.stopped();
        assertEquals("data breakpoint", stopped.getReason());
        assertArrayEquals(new Integer[] {set.getId()}, stopped.getHitBreakpointIds());
        assertEquals("sum_of_squares", frames(thread)[0].getName());
        assertEquals(1, evaluate("counter"));
        resume(thread);
        client.stopped();
        assertEquals(2, evaluate("counter"));
    }

    @Test
    void aConditionalWatchpointStopsOnlyWhenItsConditionHolds() {
        int thread = launchStopped(Guests.testGuest("steps"));
        watch("counter", "counter == 3");
        resume(thread);
        assertEquals("data breakpoint", client.stopped().getReason());
        assertEquals(3, evaluate("counter"));
    }

    @Test
    void aRegisterCannotBeWatched() {
        int thread = launchStopped(Guests.testGuest("steps"));
        DataBreakpointInfoResponse answer = info(scopeReference(frames(thread)[0].getId(), "Registers"), "a0");
        assertNull(answer.getDataId());
        assertTrue(answer.getDescription().contains("only memory"));
    }

    private DataBreakpointInfoResponse info(int container, String name) {
        DataBreakpointInfoArguments info = new DataBreakpointInfoArguments();
        info.setVariablesReference(container);
        info.setName(name);
        return await(client.server().dataBreakpointInfo(info));
    }

    /** Runs the values guest into area(), called by main; answers the thread. */
    private int stopInArea() {
        int thread = launchStopped(Guests.testGuest("values"));
        setBreakpoints(values, at(lineOf(values, "return result;")));
        resume(thread);
        client.stopped();
        return thread;
    }

    @Test
    void aVariableOfAScopeOrAMemberIsWatchedWholeWhereItIsStored() {
        int thread = stopInArea();
        StackFrame[] frames = frames(thread);
        DataBreakpointInfoResponse result = info(scopeReference(frames[0].getId(), "Locals"), "result");
        assertTrue(result.getDataId().endsWith(":8"), "a long: " + result.getDataId());
        assertTrue(result.getDescription().contains("result, long int"), result.getDescription());

        Variable square = variable(scope(frames[1].getId(), "Locals"), "square");
        Variable corner = variable(open(square), "corner");
        DataBreakpointInfoResponse y = info(corner.getVariablesReference(), "y");
        long squareAddress = Long.decode(square.getMemoryReference());
        assertEquals("0x" + Long.toHexString(squareAddress + 8 + 4) + ":4", y.getDataId(),
                "square.corner.y: after the name pointer and corner.x, an int");
        assertEquals("0x" + Long.toHexString(squareAddress + 8) + ":4", info(corner.getVariablesReference(), "x").getDataId());

        DataBreakpointInfoResponse ticks = info(scopeReference(frames[0].getId(), "Globals"), "ticks");
        assertEquals("0x" + Long.toHexString(evaluate("&ticks")) + ":4", ticks.getDataId(), "a global int: 4 bytes");
        DataBreakpoint breakpoint = new DataBreakpoint();
        breakpoint.setDataId(ticks.getDataId());
        SetDataBreakpointsArguments arguments = new SetDataBreakpointsArguments();
        arguments.setBreakpoints(new DataBreakpoint[] {breakpoint});
        assertTrue(await(client.server().setDataBreakpoints(arguments)).getBreakpoints()[0].isVerified());
        setBreakpoints(values);
        resume(thread);
        assertEquals("data breakpoint", client.stopped().getReason());
        assertEquals("main", frames(thread)[0].getName(), "ticks++ in main");
        EvaluateArguments watch = new EvaluateArguments();
        watch.setExpression("ticks");
        watch.setFrameId(frames(thread)[0].getId());
        assertEquals("8", await(client.server().evaluate(watch)).getResult());
    }

    @Test
    void aBareNameIsAVariableOfTheFrameOrAGlobalAndAnAddressTakesTheBytesAsked() {
        int thread = stopInArea();
        DataBreakpointInfoArguments named = new DataBreakpointInfoArguments();
        named.setName("letter");
        named.setFrameId(frames(thread)[1].getId());
        assertTrue(await(client.server().dataBreakpointInfo(named)).getDataId().endsWith(":1"), "a char is one byte");
        DataBreakpointInfoArguments global = new DataBreakpointInfoArguments();
        global.setName("ticks");
        assertEquals("0x" + Long.toHexString(evaluate("&ticks")) + ":4",
                await(client.server().dataBreakpointInfo(global)).getDataId(), "with no frame, a global's name: an int");
        DataBreakpointInfoArguments address = new DataBreakpointInfoArguments();
        address.setName("4096");
        address.setAsAddress(true);
        address.setBytes(2);
        assertEquals("0x1000:2", await(client.server().dataBreakpointInfo(address)).getDataId());
        address.setName("ticks");
        ResponseErrorException refused = assertThrows(
                ResponseErrorException.class, () -> await(client.server().dataBreakpointInfo(address)));
        assertTrue(refused.getMessage().contains("is not an address"), refused.getMessage());
    }

    @Test
    void aVariableHeldInARegisterCannotBeWatchedOrSetAndSaysWhy() {
        Path optimised = Toolchain.repositoryRoot()
                .resolve("bundles/dev.faultline.dap/src/test/guest/optimised.c");
        int thread = launchStopped(Guests.optimisedTestGuest("optimised"));
        setBreakpoints(optimised, at(lineOf(optimised, "sink = scaled;")));
        resume(thread);
        client.stopped();
        DataBreakpointInfoResponse total = info(scopeReference(frames(thread)[1].getId(), "Locals"), "total");
        assertNull(total.getDataId());
        assertTrue(total.getDescription().contains("not stored whole in memory"), total.getDescription());
        SetVariableArguments set = new SetVariableArguments();
        set.setVariablesReference(scopeReference(frames(thread)[1].getId(), "Locals"));
        set.setName("total");
        set.setValue("1");
        ResponseErrorException refused = assertThrows(ResponseErrorException.class, () -> await(client.server().setVariable(set)));
        assertTrue(refused.getMessage().contains("not stored whole in memory") && refused.getMessage().endsWith("set"),
                "nor set: " + refused.getMessage());
    }
}
