package dev.faultline.dap.session;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.faultline.emulator.memory.AddressSpace;

/**
 * Every breakpoint of the session, in groups that a client replaces whole (the breakpoints of one
 * source file, all function breakpoints, all instruction breakpoints), and the software
 * breakpoints they need in the machine's address spaces. Used on the machine thread only.
 */
public final class BreakpointTable {

    private final Machine machine;
    private final Map<String, List<Breakpoint>> groups = new LinkedHashMap<>();
    private final Map<AddressSpace, Set<Long>> installed = new IdentityHashMap<>();
    private int nextId = 1;

    public BreakpointTable(Machine machine) {
        this.machine = machine;
    }

    /** The place a breakpoint is asked for: resolved to addresses in a program, or a reason it cannot be. */
    public record Placement(Program program, List<Long> addresses, String message) {
    }

    /** Replaces the group's breakpoints with new ones at the given places, and answers them in order. */
    public List<Breakpoint> replace(String group, List<Placement> places, List<BreakpointSpec> specs) {
        List<Breakpoint> breakpoints = new ArrayList<>();
        for (int i = 0; i < places.size(); i++) {
            Placement place = places.get(i);
            BreakpointSpec spec = specs.get(i);
            Breakpoint breakpoint;
            try {
                breakpoint = new Breakpoint(nextId++, place.program(), place.addresses(), spec, place.message());
            } catch (SessionException e) {
                breakpoint = new Breakpoint(nextId - 1, null, List.of(), BreakpointSpec.PLAIN, e.getMessage());
            }
            breakpoints.add(breakpoint);
        }
        groups.put(group, breakpoints);
        install();
        return breakpoints;
    }

    /** The breakpoints at an address of a program, in the order they were set. */
    public List<Breakpoint> at(Program program, long address) {
        List<Breakpoint> found = new ArrayList<>();
        for (List<Breakpoint> group : groups.values()) {
            for (Breakpoint breakpoint : group) {
                if (breakpoint.program() == program && breakpoint.addresses().contains(address)) {
                    found.add(breakpoint);
                }
            }
        }
        return found;
    }

    /** Whether any breakpoint of the thread's program sits at its pc. */
    public boolean isAt(ThreadContext thread) {
        Set<Long> addresses = installed.get(thread.memory());
        return addresses != null && addresses.contains(thread.thread().registers().pc());
    }

    /** Makes each address space's software breakpoints the union of its program's breakpoint addresses. */
    private void install() {
        Map<Program, Set<Long>> wanted = new HashMap<>();
        for (List<Breakpoint> group : groups.values()) {
            for (Breakpoint breakpoint : group) {
                if (breakpoint.program() != null) {
                    wanted.computeIfAbsent(breakpoint.program(), p -> new HashSet<>()).addAll(breakpoint.addresses());
                }
            }
        }
        for (Map.Entry<AddressSpace, Program> space : machine.programSpaces().entrySet()) {
            Set<Long> now = installed.computeIfAbsent(space.getKey(), s -> new HashSet<>());
            Set<Long> target = wanted.getOrDefault(space.getValue(), Set.of());
            for (Long address : Set.copyOf(now)) {
                if (!target.contains(address)) {
                    space.getKey().removeBreakpoint(address);
                    now.remove(address);
                }
            }
            for (Long address : target) {
                if (now.add(address)) {
                    space.getKey().addBreakpoint(address);
                }
            }
        }
    }
}
