package dev.faultline.kernel.fault;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

import dev.faultline.emulator.hart.Registers;
import dev.faultline.kernel.api.Fault;
import dev.faultline.kernel.journal.KernelEvent;
import dev.faultline.kernel.journal.Trapframe;

/**
 * The faults of a run, each with its thread, decoded message, handler and outcome, and the
 * trapframe at the fault: read from the journal's fault events, in order.
 */
public final class FaultLog implements Consumer<KernelEvent> {

    /** How a fault ended (so far). */
    public enum Outcome {
        /** Raised; no handler has received it yet. */
        PENDING,
        /** Its handler has it and has not replied. */
        DELIVERED,
        /** The handler replied and the thread restarted. */
        RESTARTED,
        /** The handler replied with a label that stops the thread. */
        STOPPED,
        /** No valid handler: the kernel reported a double fault and the thread stopped. */
        DOUBLE_FAULT
    }

    /** One fault and what became of it. */
    public record Entry(long time, long thread, String threadName, Fault fault, Trapframe trapframe, long handlerThread,
            long endpoint, long badge, Outcome outcome, Map<String, Long> replyWrote, String doubleFaultReport) {
    }

    /** How many faults a log keeps by default: a guest faulting in a loop must not fill the heap. */
    public static final int DEFAULT_CAPACITY = 10_000;

    private final int capacity;
    private final List<Entry> entries = new ArrayList<>();
    /** The entry of each thread's fault that has not ended yet, by thread id. */
    private final Map<Long, Integer> open = new HashMap<>();
    private long omitted;

    /**
     * A log that follows the journal as it happens (add it as a journal listener), keeping the
     * first capacity faults and counting the rest. Used on the machine's thread.
     */
    public FaultLog(int capacity) {
        this.capacity = capacity;
    }

    /** The faults in events, oldest first. */
    public static List<Entry> of(List<KernelEvent> events) {
        FaultLog log = new FaultLog(Integer.MAX_VALUE);
        events.forEach(log);
        return log.entries();
    }

    @Override
    public void accept(KernelEvent event) {
        switch (event) {
            case KernelEvent.FaultRaised r -> {
                if (entries.size() == capacity) {
                    omitted++;
                    open.remove(r.thread());
                    return;
                }
                open.put(r.thread(), entries.size());
                entries.add(new Entry(r.time(), r.thread(), r.threadName(), r.fault(), r.trapframe(), 0, 0, 0,
                        Outcome.PENDING, Map.of(), null));
            }
            case KernelEvent.FaultDelivered d -> update(open.get(d.thread()), e -> new Entry(e.time(), e.thread(),
                    e.threadName(), e.fault(), e.trapframe(), d.handlerThread(), d.endpoint(), d.badge(),
                    Outcome.DELIVERED, Map.of(), null));
            case KernelEvent.FaultReplyApplied a -> update(open.remove(a.thread()), e -> new Entry(e.time(), e.thread(),
                    e.threadName(), e.fault(), e.trapframe(), e.handlerThread(), e.endpoint(), e.badge(),
                    a.restarted() ? Outcome.RESTARTED : Outcome.STOPPED, a.written(), null));
            case KernelEvent.DoubleFault f -> update(open.remove(f.thread()), e -> new Entry(e.time(), e.thread(),
                    e.threadName(), e.fault(), e.trapframe(), 0, 0, 0, Outcome.DOUBLE_FAULT, Map.of(), f.report()));
            default -> { }
        }
    }

    private void update(Integer index, UnaryOperator<Entry> change) {
        if (index != null) {
            entries.set(index, change.apply(entries.get(index)));
        }
    }

    /** The faults kept so far, oldest first. */
    public List<Entry> entries() {
        return List.copyOf(entries);
    }

    /** How many faults came after the log was full. */
    public long omitted() {
        return omitted;
    }

    /** The log as text, with a last line for the faults it did not keep. */
    public String format() {
        return format(entries) + (omitted == 0 ? "" : "... and " + omitted + " later faults, not kept\n");
    }

    /** The log as text: one block per fault, as `faultline run` prints it after the console output. */
    public static String format(List<Entry> entries) {
        StringBuilder text = new StringBuilder();
        text.append(entries.isEmpty() ? "Fault log: no faults\n" : "Fault log: " + entries.size()
                + (entries.size() == 1 ? " fault\n" : " faults\n"));
        int n = 1;
        for (Entry entry : entries) {
            text.append(String.format("[%d] at instruction %d: thread %d \"%s\": %s%n", n++, entry.time(), entry.thread(),
                    entry.threadName(), entry.fault().describe()));
            StringBuilder fields = new StringBuilder();
            entry.fault().fields().forEach((name, value) -> fields.append(' ').append(name).append("=0x")
                    .append(Long.toHexString(value)));
            text.append("    message: ").append(entry.fault().kind()).append(fields).append('\n');
            text.append("    handler: ").append(entry.endpoint() == 0 ? "none"
                    : String.format("endpoint #%d, badge 0x%x, thread %d", entry.endpoint(), entry.badge(),
                            entry.handlerThread())).append('\n');
            text.append("    outcome: ").append(outcome(entry)).append('\n');
            text.append("    trapframe:\n").append(trapframe(entry.trapframe()));
        }
        return text.toString();
    }

    private static String outcome(Entry entry) {
        return switch (entry.outcome()) {
            case PENDING -> "pending: no handler has received it";
            case DELIVERED -> "delivered, awaiting the handler's reply";
            case RESTARTED -> "restarted" + (entry.replyWrote().isEmpty() ? "" : ", reply wrote " + written(entry));
            case STOPPED -> "stopped: the reply's label was not 0" + (entry.replyWrote().isEmpty() ? "" : ", it wrote "
                    + written(entry));
            case DOUBLE_FAULT -> "double fault: no valid handler, the thread stopped";
        };
    }

    private static String written(Entry entry) {
        StringBuilder text = new StringBuilder();
        entry.replyWrote().forEach((name, value) -> text.append(text.length() == 0 ? "" : " ").append(name).append("=0x")
                .append(Long.toHexString(value)));
        return text.toString();
    }

    private static String trapframe(Trapframe frame) {
        StringBuilder text = new StringBuilder(String.format("      pc   %016x%n", frame.pc()));
        for (int i = 1; i < 32; i++) {
            text.append(String.format("%s%-4s %016x", i % 4 == 1 ? "      " : "  ", Registers.ABI_NAMES.get(i), frame.get(i)));
            if (i % 4 == 0 || i == 31) {
                text.append('\n');
            }
        }
        return text.toString();
    }
}
