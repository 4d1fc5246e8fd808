package dev.faultline.dap.handler;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.faultline.dap.server.Convert;
import dev.faultline.dap.server.DapSession;
import dev.faultline.dap.session.SessionException;
import dev.faultline.emulator.hart.Registers;
import dev.faultline.kernel.api.Fault;
import dev.faultline.kernel.fault.FaultLog;
import dev.faultline.kernel.object.Tcb;

/** faultline/faultLog and faultline/trapframe: the fault log of the run and a thread's trapframe, as JSON objects. */
public final class FaultlineHandler {

    private final DapSession session;

    public FaultlineHandler(DapSession session) {
        this.session = session;
    }

    public Map<String, Object> faultLog() {
        List<FaultLog.Entry> entries = session.call(debuggee -> debuggee.faultLog());
        List<Object> faults = new ArrayList<>();
        for (FaultLog.Entry entry : entries) {
            Map<String, Object> fault = new LinkedHashMap<>();
            fault.put("time", entry.time());
            fault.put("threadId", entry.thread());
            fault.put("threadName", entry.threadName());
            fault.putAll(fault(entry.fault()));
            fault.put("trapframe", registers(entry.trapframe().registers()));
            fault.put("handlerThreadId", entry.handlerThread());
            fault.put("endpoint", entry.endpoint());
            fault.put("badge", Convert.address(entry.badge()));
            fault.put("outcome", entry.outcome().name().toLowerCase());
            Map<String, String> wrote = new LinkedHashMap<>();
            entry.replyWrote().forEach((name, value) -> wrote.put(name, Convert.hex(value)));
            fault.put("replyWrote", wrote);
            if (entry.doubleFaultReport() != null) {
                fault.put("doubleFaultReport", entry.doubleFaultReport());
            }
            faults.add(fault);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("faults", faults);
        answer.put("text", FaultLog.format(entries));
        return answer;
    }

    public Map<String, Object> trapframe(Map<String, Object> arguments) {
        if (!(arguments != null && arguments.get("threadId") instanceof Number thread)) {
            throw new SessionException(SessionException.BAD_ARGUMENT, "faultline/trapframe needs \"threadId\"");
        }
        return session.call(debuggee -> {
            Tcb tcb = DapSession.thread(debuggee, thread.intValue());
            long[] frame = tcb.registers().toArray();
            frame[0] = tcb.registers().pc();
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("threadId", tcb.id());
            answer.put("threadName", tcb.name());
            answer.put("state", tcb.state().sel4Name());
            answer.put("faultIp", Convert.address(tcb.faultIp()));
            answer.put("registers", registers(frame));
            Fault current = tcb.fault();
            if (current == null) {
                current = debuggee.faultLog().stream().filter(e -> e.thread() == tcb.id()).reduce((a, b) -> b)
                        .map(FaultLog.Entry::fault).orElse(null);
                answer.put("faultIsCurrent", false);
            } else {
                answer.put("faultIsCurrent", true);
            }
            if (current != null) {
                answer.put("fault", fault(current));
            }
            debuggee.lastTrap(tcb.id()).ifPresent(trap -> {
                Map<String, Object> taken = new LinkedHashMap<>();
                taken.put("cause", trap.cause());
                taken.put("causeName", trap.causeName());
                taken.put("tval", Convert.hex(trap.tval()));
                taken.put("pc", Convert.hex(trap.trapframe().pc()));
                taken.put("time", trap.time());
                answer.put("trap", taken);
            });
            return answer;
        });
    }

    private static Map<String, Object> fault(Fault fault) {
        Map<String, Object> decoded = new LinkedHashMap<>();
        decoded.put("kind", fault.kind());
        decoded.put("label", fault.label());
        decoded.put("description", fault.describe());
        Map<String, String> fields = new LinkedHashMap<>();
        fault.fields().forEach((name, value) -> fields.put(name, Convert.hex(value)));
        decoded.put("fields", fields);
        return decoded;
    }

    /** pc and x1..x31 by ABI name, as hex. */
    private static Map<String, String> registers(long[] trapframe) {
        Map<String, String> registers = new LinkedHashMap<>();
        registers.put("pc", Convert.hex(trapframe[0]));
        for (int i = 1; i < 32; i++) {
            registers.put(Registers.ABI_NAMES.get(i), Convert.hex(trapframe[i]));
        }
        return registers;
    }
}
