package dev.faultline.dap.server;

import static dev.faultline.dap.server.TestClient.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eclipse.lsp4j.debug.Breakpoint;
import org.eclipse.lsp4j.debug.DataBreakpoint;
import org.eclipse.lsp4j.debug.DataBreakpointAccessType;
import org.eclipse.lsp4j.debug.DataBreakpointInfoArguments;
import org.eclipse.lsp4j.debug.DataBreakpointInfoResponse;
import org.eclipse.lsp4j.debug.SetDataBreakpointsArguments;
import org.eclipse.lsp4j.debug.StoppedEventArguments;
import org.junit.jupiter.api.Test;

/** Data breakpoints: watchpoints on a global, stopping after the store with the new value visible. */
class DataBreakpointsTest extends ServerFixture {

    private Breakpoint watch(String name, String condition) {
        DataBreakpointInfoArguments info = new DataBreakpointInfoArguments();
        info.setName(name);
        DataBreakpointInfoResponse answer = await(client.server().dataBreakpointInfo(info));
        assertEquals("0x" + Long.toHexString(evaluate(name)) + ":8", answer.getDataId());
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
        assertEquals(1, evaluate("*counter"));
        resume(thread);
        client.stopped();
        assertEquals(2, evaluate("*counter"));
    }

    @Test
    void aConditionalWatchpointStopsOnlyWhenItsConditionHolds() {
        int thread = launchStopped(Guests.testGuest("steps"));
        watch("counter", "*counter == 3");
        resume(thread);
        assertEquals("data breakpoint", client.stopped().getReason());
        assertEquals(3, evaluate("*counter"));
    }

    @Test
    void aRegisterCannotBeWatched() {
        int thread = launchStopped(Guests.testGuest("steps"));
        int frame = frames(thread)[0].getId();
        org.eclipse.lsp4j.debug.ScopesArguments scopes = new org.eclipse.lsp4j.debug.ScopesArguments();
        scopes.setFrameId(frame);
        DataBreakpointInfoArguments info = new DataBreakpointInfoArguments();
        info.setName("a0");
        info.setVariablesReference(java.util.Arrays.stream(await(client.server().scopes(scopes)).getScopes())
                .filter(scope -> scope.getName().equals("Registers")).findFirst().orElseThrow().getVariablesReference());
        DataBreakpointInfoResponse answer = await(client.server().dataBreakpointInfo(info));
        assertNull(answer.getDataId());
        assertTrue(answer.getDescription().contains("only memory"));
    }
}
