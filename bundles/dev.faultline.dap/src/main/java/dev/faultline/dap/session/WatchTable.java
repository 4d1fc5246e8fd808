package dev.faultline.dap.session;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.faultline.emulator.debug.WatchKind;
import dev.faultline.emulator.debug.WatchTiming;
import dev.faultline.emulator.debug.Watchpoint;
import dev.faultline.emulator.memory.AddressSpace;

/**
 * The data breakpoints of the session: each a watchpoint over a range of memory in every program
 * address space, stopping after the access (so the new value shows), with the same condition,
 * hit condition and log message as a code breakpoint. Used on the machine thread only.
 */
public final class WatchTable {

    private final Machine machine;
    private final Map<Watchpoint, Breakpoint> watches = new LinkedHashMap<>();

    public WatchTable(Machine machine) {
        this.machine = machine;
    }

    /** A data breakpoint as a client asks for it. */
    public record Request(int id, long address, int length, WatchKind kind, BreakpointSpec spec) {
    }

    /** Replaces every data breakpoint; answers them in the order asked. */
    public List<Breakpoint> replace(List<Request> requests) {
        for (Watchpoint old : watches.keySet()) {
            for (AddressSpace space : machine.programSpaces().keySet()) {
                space.removeWatchpoint(old);
            }
        }
        watches.clear();
        List<Breakpoint> set = new ArrayList<>();
        for (Request request : requests) {
            Breakpoint breakpoint;
            try {
                breakpoint = new Breakpoint(request.id(), machine.programs().get(0), List.of(request.address()),
                        request.spec(), null);
                Watchpoint watchpoint = new Watchpoint(request.address(), request.length(), request.kind(), WatchTiming.AFTER);
                if (watches.putIfAbsent(watchpoint, breakpoint) == null) {
                    for (AddressSpace space : machine.programSpaces().keySet()) {
                        space.addWatchpoint(watchpoint);
                    }
                }
            } catch (SessionException | IllegalArgumentException e) {
                breakpoint = new Breakpoint(request.id(), null, List.of(), BreakpointSpec.PLAIN, e.getMessage());
            }
            set.add(breakpoint);
        }
        return set;
    }

    /** The data breakpoint a watchpoint belongs to, or null when it is none of this session's. */
    public Breakpoint of(Watchpoint watchpoint) {
        return watches.get(watchpoint);
    }

    public void clear() {
        replace(List.of());
    }
}
