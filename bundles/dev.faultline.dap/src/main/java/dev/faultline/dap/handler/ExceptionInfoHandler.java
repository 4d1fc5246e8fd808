package dev.faultline.dap.handler;

import org.eclipse.lsp4j.debug.ExceptionBreakMode;
import org.eclipse.lsp4j.debug.ExceptionDetails;
import org.eclipse.lsp4j.debug.ExceptionInfoResponse;

import dev.faultline.dap.server.Convert;
import dev.faultline.dap.server.DapSession;
import dev.faultline.dap.session.SessionException;
import dev.faultline.dap.session.Stop;
import dev.faultline.emulator.hart.Registers;
import dev.faultline.kernel.api.Fault;
import dev.faultline.kernel.journal.KernelEvent;
import dev.faultline.kernel.object.Tcb;

/** exceptionInfo: a thread's fault, decoded: its kind, seL4's description, its message words and its trapframe. */
public final class ExceptionInfoHandler {

    private final DapSession session;

    public ExceptionInfoHandler(DapSession session) {
        this.session = session;
    }

    public ExceptionInfoResponse exceptionInfo(int threadId) {
        return session.call(debuggee -> {
            Tcb tcb = DapSession.thread(debuggee, threadId);
            Stop stop = debuggee.stop();
            boolean stoppedHere = stop != null && stop.reason() == Stop.Reason.EXCEPTION && stop.thread() == threadId;
            Fault fault = stoppedHere ? faultOf(stop.event()) : tcb.fault();
            if (fault == null) {
                throw new SessionException(SessionException.BAD_ARGUMENT, "thread " + threadId + " has no fault");
            }
            long[] trapframe = stoppedHere && stop.event() instanceof KernelEvent.FaultRaised raised ? raised.trapframe().registers()
                    : trapframeOf(tcb);
            ExceptionInfoResponse response = new ExceptionInfoResponse();
            response.setExceptionId(fault.kind());
            String filter = stoppedHere ? " (" + stop.filter().label() + ")" : "";
            response.setDescription(fault.describe() + filter);
            response.setBreakMode(ExceptionBreakMode.ALWAYS);
            ExceptionDetails details = new ExceptionDetails();
            details.setTypeName(fault.kind());
            details.setFullTypeName("seL4_Fault_" + fault.kind());
            details.setMessage(message(fault));
            details.setStackTrace(trapframeText(trapframe));
            response.setDetails(details);
            return response;
        });
    }

    private static Fault faultOf(KernelEvent event) {
        return switch (event) {
            case KernelEvent.FaultRaised e -> e.fault();
            case KernelEvent.DoubleFault e -> e.fault();
            case KernelEvent.FaultDelivered e -> e.fault();
            case KernelEvent.FaultReplyApplied e -> e.fault();
            default -> null;
        };
    }

    /** The fault message as its label and words by libsel4's names. */
    static String message(Fault fault) {
        StringBuilder text = new StringBuilder(fault.kind()).append(" (label ").append(fault.label()).append("):");
        fault.fields().forEach((name, value) -> text.append(' ').append(name).append('=').append(Convert.address(value)));
        return text.toString();
    }

    private static long[] trapframeOf(Tcb tcb) {
        long[] frame = tcb.registers().toArray();
        frame[0] = tcb.registers().pc();
        return frame;
    }

    /** The trapframe, pc then x1..x31 by ABI name, one register a line. */
    static String trapframeText(long[] trapframe) {
        StringBuilder text = new StringBuilder("pc  ").append(Convert.hex(trapframe[0]));
        for (int i = 1; i < 32; i++) {
            text.append('\n').append(String.format("%-3s ", Registers.ABI_NAMES.get(i))).append(Convert.hex(trapframe[i]));
        }
        return text.toString();
    }
}
