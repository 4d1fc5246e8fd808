package dev.faultline.kernel.examples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.faultline.emulator.hart.Registers;
import dev.faultline.kernel.Kernel;
import dev.faultline.kernel.api.Fault;
import dev.faultline.kernel.journal.KernelEvent;
import dev.faultline.kernel.object.Tcb;

/**
 * The fault and interrupt events of a run as text, one line per event, as examples/NAME/NAME.events
 * lists them. Threads are named; what depends on the code's layout is left out: times, object
 * ids, and the fault words that are code or stack addresses (IP, FaultIP, SP, RA). A pc a reply
 * writes is shown relative to the fault's IP ("pc=IP+4").
 *
 * <pre>
 * fault faulter CapFault Addr=3 InRecvPhase=1 LookupFailureType=2 BitsLeft=0
 * deliver faulter -> handler badge 0xbeef
 * reply faulter by handler: restart
 * reply client by emulator: pc=IP+4 a0=0x2a; restart
 * double-fault faulter UserException Number=3 Code=0; then CapFault Addr=0 ...
 * interrupt 5 -> notification badge 0x0
 * </pre>
 */
final class FaultJournal {

    private static final Set<String> ADDRESS_WORDS = Set.of("IP", "FaultIP", "SP", "RA");

    private FaultJournal() {
    }

    static List<String> lines(Kernel kernel, List<KernelEvent> events) {
        Map<Long, String> names = kernel.objects().all(Tcb.class).stream()
                .collect(Collectors.toMap(Tcb::id, Tcb::name));
        List<String> lines = new ArrayList<>();
        for (KernelEvent event : events) {
            switch (event) {
                case KernelEvent.FaultRaised e -> lines.add("fault " + e.threadName() + " " + words(e.fault()));
                case KernelEvent.FaultDelivered e -> lines.add("deliver " + names.get(e.thread()) + " -> "
                        + names.get(e.handlerThread()) + " badge 0x" + Long.toHexString(e.badge()));
                case KernelEvent.FaultReplyApplied e -> lines.add("reply " + names.get(e.thread()) + " by "
                        + names.get(e.replier()) + ": " + written(e) + (e.restarted() ? "restart" : "inactive"));
                case KernelEvent.DoubleFault e -> lines.add("double-fault " + e.threadName() + " " + words(e.fault())
                        + "; then " + words(e.handlerFault()));
                case KernelEvent.InterruptDelivered e -> lines.add("interrupt " + e.irq()
                        + (e.notification() == 0 ? " masked or without handler" : " -> notification badge 0x"
                                + Long.toHexString(e.badge())));
                default -> {
                }
            }
        }
        return lines;
    }

    /** What examples/NAME/NAME.events says, one event a line. */
    static List<String> expected(String name) {
        try {
            return Files.readAllLines(ExampleRun.folder(name).resolve(name + ".events"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String words(Fault fault) {
        StringBuilder text = new StringBuilder(fault.kind());
        fault.fields().forEach((field, value) -> {
            if (!ADDRESS_WORDS.contains(field)) {
                text.append(' ').append(field).append('=').append(value < 16 && value >= 0 ? Long.toString(value)
                        : "0x" + Long.toHexString(value));
            }
        });
        return text.toString();
    }

    private static String written(KernelEvent.FaultReplyApplied reply) {
        if (reply.written().isEmpty()) {
            return "";
        }
        long ip = reply.fault().message()[0];
        StringBuilder text = new StringBuilder();
        Long pc = reply.written().get("pc");
        if (pc != null) {
            long offset = pc - ip;
            text.append("pc=IP").append(offset >= 0 ? "+" : "-").append(Math.abs(offset)).append(' ');
        }
        for (String register : Registers.ABI_NAMES) {
            Long value = reply.written().get(register);
            if (value != null) {
                text.append(register).append("=0x").append(Long.toHexString(value)).append(' ');
            }
        }
        return text.append("; ").toString();
    }
}
