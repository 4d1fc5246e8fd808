package dev.faultline.kernel.examples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.faultline.emulator.elf.Symbol;
import dev.faultline.emulator.elf.SymbolTable;
import dev.faultline.emulator.hart.Registers;
import dev.faultline.kernel.Kernel;
import dev.faultline.kernel.api.Fault;
import dev.faultline.kernel.journal.KernelEvent;
import dev.faultline.kernel.object.Tcb;

/**
 * The fault and interrupt events of a run as text, one line per event, as examples/NAME/NAME.events
 * lists them. Threads are named; what depends on the code's layout is left out or named: times
 * and object ids are left out; a fault's IP is shown only when a symbol starts there (IP=trap_ebreak),
 * its SP and RA never; any other word that is exactly a symbol's address shows as &symbol. A reply's
 * registers show relative to the fault: pc=IP+4, sp=SP when it gives the sp back unchanged.
 *
 * <pre>
 * fault faulter CapFault Addr=3 InRecvPhase=1 LookupFailureType=2 BitsLeft=0
 * deliver faulter -> handler badge 0xbeef
 * reply faulter by handler: restart
 * reply client by rootserver: pc=IP+4 ra=RA sp=SP a0=0x28; restart
 * double-fault faulter UserException Number=3 Code=0; then CapFault Addr=0 ...
 * interrupt 5 -> notification badge 0x0
 * </pre>
 */
final class FaultJournal {

    private static final Set<String> CODE_ADDRESSES = Set.of("IP", "FaultIP");
    private static final Set<String> STACK_ADDRESSES = Set.of("SP", "RA");
    /** Where the SDK's link script puts the image: smaller words are numbers, not addresses. */
    private static final long IMAGE_START = 0x10000;

    private final Function<String, SymbolTable> symbols;

    /** symbols gives the symbol table of the program a thread (by name) runs. */
    private FaultJournal(Function<String, SymbolTable> symbols) {
        this.symbols = symbols;
    }

    /** The lines of a run whose threads all run one program. */
    static List<String> lines(Kernel kernel, List<KernelEvent> events, SymbolTable program) {
        return lines(kernel, events, thread -> program);
    }

    static List<String> lines(Kernel kernel, List<KernelEvent> events, Function<String, SymbolTable> symbols) {
        return new FaultJournal(symbols).format(kernel, events);
    }

    private List<String> format(Kernel kernel, List<KernelEvent> events) {
        Map<Long, String> names = kernel.objects().all(Tcb.class).stream()
                .collect(Collectors.toMap(Tcb::id, Tcb::name));
        List<String> lines = new ArrayList<>();
        for (KernelEvent event : events) {
            switch (event) {
                case KernelEvent.FaultRaised e -> lines.add("fault " + e.threadName() + " " + words(e.threadName(), e.fault()));
                case KernelEvent.FaultDelivered e -> lines.add("deliver " + names.get(e.thread()) + " -> "
                        + names.get(e.handlerThread()) + " badge 0x" + Long.toHexString(e.badge()));
                case KernelEvent.FaultReplyApplied e -> lines.add("reply " + names.get(e.thread()) + " by "
                        + names.get(e.replier()) + ": " + written(e) + (e.restarted() ? "restart" : "inactive"));
                case KernelEvent.DoubleFault e -> lines.add("double-fault " + e.threadName() + " "
                        + words(e.threadName(), e.fault()) + "; then " + words(e.threadName(), e.handlerFault()));
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

    private String words(String thread, Fault fault) {
        SymbolTable table = symbols.apply(thread);
        StringBuilder text = new StringBuilder(fault.kind());
        fault.fields().forEach((field, value) -> {
            String symbol = symbolAt(table, value);
            if (CODE_ADDRESSES.contains(field)) {
                if (symbol != null) {
                    text.append(' ').append(field).append('=').append(symbol);
                }
            } else if (!STACK_ADDRESSES.contains(field)) {
                text.append(' ').append(field).append('=').append(symbol != null ? "&" + symbol : number(value));
            }
        });
        return text.toString();
    }

    /** The name of the symbol that starts exactly at value, or null. */
    private static String symbolAt(SymbolTable table, long value) {
        if (table == null || Long.compareUnsigned(value, IMAGE_START) < 0) {
            return null;
        }
        return table.containing(value).filter(s -> s.value() == value).map(Symbol::name).orElse(null);
    }

    private static String number(long value) {
        return value >= 0 && value < 16 ? Long.toString(value) : "0x" + Long.toHexString(value);
    }

    private static String written(KernelEvent.FaultReplyApplied reply) {
        if (reply.written().isEmpty()) {
            return "";
        }
        Map<String, Long> fields = reply.fault().fields();
        long ip = reply.fault().message()[0];
        StringBuilder text = new StringBuilder();
        Long pc = reply.written().get("pc");
        if (pc != null) {
            long offset = pc - ip;
            text.append("pc=IP").append(offset >= 0 ? "+" : "-").append(Math.abs(offset)).append(' ');
        }
        for (String register : Registers.ABI_NAMES) {
            Long value = reply.written().get(register);
            if (value == null) {
                continue;
            }
            String field = register.toUpperCase();
            boolean unchanged = STACK_ADDRESSES.contains(field) && value.equals(fields.get(field));
            text.append(register).append('=').append(unchanged ? field : "0x" + Long.toHexString(value)).append(' ');
        }
        return text.toString().stripTrailing() + "; ";
    }
}
