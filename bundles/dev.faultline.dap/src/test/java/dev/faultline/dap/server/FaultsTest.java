package dev.faultline.dap.server;

import static dev.faultline.dap.server.TestClient.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.eclipse.lsp4j.debug.ExceptionBreakpointsFilter;
import org.eclipse.lsp4j.debug.ExceptionInfoArguments;
import org.eclipse.lsp4j.debug.ExceptionInfoResponse;
import org.eclipse.lsp4j.debug.SetExceptionBreakpointsArguments;
import org.eclipse.lsp4j.debug.StackFrame;
import org.eclipse.lsp4j.debug.StoppedEventArguments;
import org.eclipse.lsp4j.debug.Variable;
import org.junit.jupiter.api.Test;

/** The exception filters: a fault stops the machine on its filter, and exceptionInfo decodes it. */
class FaultsTest extends ServerFixture {

    private void filters(String... ids) {
        SetExceptionBreakpointsArguments arguments = new SetExceptionBreakpointsArguments();
        arguments.setFilters(ids);
        await(client.server().setExceptionBreakpoints(arguments));
    }

    @Test
    void initializeListsOneFilterPerFaultKindAndThreeForTheFaultsPath() {
        ExceptionBreakpointsFilter[] filters = client.initialize().getExceptionBreakpointFilters();
        assertEquals(java.util.List.of("CapFault", "UnknownSyscall", "UserException", "VMFault", "noHandler",
                "faultDelivered", "faultReplyApplied"), Arrays.stream(filters).map(ExceptionBreakpointsFilter::getFilter).toList());
    }

    @Test
    void codeOnAPageOfItsOwnDisassemblesFromThePageStartAndIsNamedByItsAddress() {
        // traps runs a thread in code it copied to a page at 0x40000000, past the image's end (_end).
        int thread = launchStopped(Guests.example("traps"));
        filters("UserException");
        resume(thread);
        StoppedEventArguments stopped = client.stopped();
        StackFrame top = frames(stopped.getThreadId())[0];
        assertEquals("0x40000000", top.getInstructionPointerReference(), "the ebreak at the page's start");
        assertEquals("0x40000000", top.getName(), "no symbol covers the page: not _end, the image's last label");
        org.eclipse.lsp4j.debug.DisassembleArguments arguments = new org.eclipse.lsp4j.debug.DisassembleArguments();
        arguments.setMemoryReference("0x40000008");
        arguments.setInstructionOffset(-3);
        arguments.setInstructionCount(5);
        org.eclipse.lsp4j.debug.DisassembledInstruction[] instructions =
                await(client.server().disassemble(arguments)).getInstructions();
        // The window starts below the page: the unmapped part is invalid, the page's bytes are decoded.
        assertEquals(java.util.List.of("0x3ffffffe", "0x40000000", "0x40000004", "0x40000008", "0x4000000c"),
                Arrays.stream(instructions).map(org.eclipse.lsp4j.debug.DisassembledInstruction::getAddress).toList());
        assertEquals("??", instructions[0].getInstruction());
        assertEquals("ebreak", instructions[1].getInstruction(), "mapped bytes before the address are decoded");
        assertTrue(instructions[3].getInstruction().startsWith("ld"), instructions[3].getInstruction());
    }

    @Test
    void aVmFaultStopsOnItsFilterAndExceptionInfoDecodesTheMessage() {
        int thread = launchStopped(Guests.testGuest("steps"));
        filters("VMFault");
        resume(thread);
        StoppedEventArguments stopped = client.stopped();
        assertEquals("exception", stopped.getReason());
        assertEquals(thread, stopped.getThreadId());
        ExceptionInfoArguments arguments = new ExceptionInfoArguments();
        arguments.setThreadId(thread);
        ExceptionInfoResponse info = await(client.server().exceptionInfo(arguments));
        assertEquals("VMFault", info.getExceptionId());
        assertTrue(info.getDescription().contains("0x10"), info.getDescription());
        assertTrue(info.getDetails().getMessage().contains("Addr=0x10"), info.getDetails().getMessage());
        assertTrue(info.getDetails().getStackTrace().startsWith("pc  0x"), info.getDetails().getStackTrace());
        StackFrame top = frames(thread)[0];
        assertEquals("main", top.getName());
        assertLine(lineOf(stepsSource(), "return (int) *nowhere;"), top);
        Variable[] fault = scope(top.getId(), "Fault");
        assertEquals("VMFault", value(fault, "kind"));
        assertEquals("0x0000000000000010", value(fault, "Addr"));
        assertEquals(top.getInstructionPointerReference(), "0x" + Long.toHexString(Long.decode(value(fault, "IP"))));
    }

    @Test
    void aFaultWithNoHandlerStopsOnTheNoHandlerFilterAfterItsKind() {
        int thread = launchStopped(Guests.testGuest("steps"));
        filters("VMFault", "noHandler");
        resume(thread);
        assertEquals("VMFault", client.stopped().getText());
        resume(thread);
        StoppedEventArguments second = client.stopped();
        assertEquals("exception", second.getReason());
        assertEquals("noHandler", second.getText());
        resume(thread);
        assertEquals(125, ((org.eclipse.lsp4j.debug.ExitedEventArguments) client.next("exited").body()).getExitCode());
    }

    @Test
    void withoutFiltersAFaultDoesNotStopTheMachine() {
        int thread = launchStopped(Guests.testGuest("steps"));
        filters();
        resume(thread);
        client.next("exited");
        assertTrue(client.history().stream().noneMatch(e -> e.name().equals("stopped")
                && !"entry".equals(((StoppedEventArguments) e.body()).getReason())), "no stop after the entry");
        assertTrue(client.output().contains("vm fault"), client.output());
        assertTrue(client.outputs("console").contains("vm fault"), "the kernel's report is console output: "
                + client.outputs("console"));
        assertTrue(client.outputs("stdout").contains("sum of squares: 30"), "the guest's console is stdout");
    }
}
