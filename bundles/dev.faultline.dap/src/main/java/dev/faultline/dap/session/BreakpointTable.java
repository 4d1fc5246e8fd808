package dev.faultline.dap.session;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

import dev.faultline.emulator.dwarf.LineRow;
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
    /** The breakpoints at each address of each program, in the order set: looked up at every hit. */
    private final Map<Program, Map<Long, List<Breakpoint>>> byAddress = new IdentityHashMap<>();
    private final Check check;

    /** Decides, in the hart's loop, whether a breakpoint reached in a program's address space stops the machine. */
    @FunctionalInterface
    public interface Check {
        boolean stops(Program program, long pc);
    }

    public BreakpointTable(Machine machine, Check check) {
        this.machine = machine;
        this.check = check;
    }

    /** The place a breakpoint is asked for: resolved to addresses in a program, or a reason it cannot be. */
    public record Placement(Program program, List<Long> addresses, String message, Optional<LineRow> line) {

        /** A placement by address (a function, an instruction), whose line is the line table's at its address. */
        public Placement(Program program, List<Long> addresses, String message) {
            this(program, addresses, message, Optional.empty());
        }
    }

    /** A breakpoint as a client asks for it: the id it will have, its place, and its spec. */
    public record Request(int id, Placement place, BreakpointSpec spec) {
    }

    /** Replaces the group's breakpoints with new ones, and answers them in the order asked. */
    public List<Breakpoint> replace(String group, List<Request> requests) {
        List<Breakpoint> breakpoints = new ArrayList<>();
        for (Request request : requests) {
            Placement place = request.place();
            Breakpoint breakpoint;
            try {
                breakpoint = new Breakpoint(request.id(), place.program(), place.addresses(), request.spec(), place.message(),
                        place.line());
            } catch (SessionException e) {
                breakpoint = new Breakpoint(request.id(), null, List.of(), BreakpointSpec.PLAIN, e.getMessage());
            }
            breakpoints.add(breakpoint);
        }
        groups.put(group, breakpoints);
        install();
        return breakpoints;
    }

    /** The groups of function and of instruction breakpoints; every other group is a source file's. */
    public static final String FUNCTIONS = "function";
    public static final String INSTRUCTIONS = "instruction";

    /** The stop reason a breakpoint gives: DAP names function and instruction breakpoints apart. */
    /** The source line a line breakpoint was set on (file and line, after moving to code). */
    Optional<LineRow> sourceLine(int id) {
        for (Map.Entry<String, List<Breakpoint>> group : groups.entrySet()) {
            if (group.getKey().equals(FUNCTIONS) || group.getKey().equals(INSTRUCTIONS)) {
                continue;
            }
            for (Breakpoint breakpoint : group.getValue()) {
                if (breakpoint.id() == id) {
                    return breakpoint.line();
                }
            }
        }
        return Optional.empty();
    }

    Stop.Reason reason(int id) {
        for (Map.Entry<String, List<Breakpoint>> group : groups.entrySet()) {
            if (group.getValue().stream().anyMatch(breakpoint -> breakpoint.id() == id)) {
                return switch (group.getKey()) {
                    case FUNCTIONS -> Stop.Reason.FUNCTION_BREAKPOINT;
                    case INSTRUCTIONS -> Stop.Reason.INSTRUCTION_BREAKPOINT;
                    default -> Stop.Reason.BREAKPOINT;
                };
            }
        }
        return Stop.Reason.BREAKPOINT;
    }

    /** Removes every breakpoint (a client detached). */
    public void clear() {
        groups.clear();
        install();
    }

    /** The place of a breakpoint on a source line, in the first program whose line table has the file. */
    public Placement placeLine(String file, int line) {
        for (Program program : machine.programs()) {
            Optional<Program.ResolvedLine> resolved = program.resolveLine(file, line);
            if (resolved.isPresent()) {
                // The line the user asked for (or moved to), not whatever row the line table
                // lists last at its address: an inlined call's first instruction is also its callee's.
                LineRow row = new LineRow(resolved.get().addresses().get(0), resolved.get().file(), resolved.get().line(), 0,
                        true);
                return new Placement(program, resolved.get().addresses(), null, Optional.of(row));
            }
        }
        boolean known = machine.programs().stream()
                .anyMatch(p -> p.lineTable().map(t -> !t.resolveFile(file).isEmpty()).orElse(false));
        return new Placement(null, List.of(), known ? "no code at or below line " + line + " of " + file
                : "no program of this machine was built from " + file + " (or it has no DWARF line table)");
    }

    /** The lines of file from first to last with code in some program: where a line breakpoint is placed as asked. */
    public SortedSet<Integer> linesWithCode(String file, int first, int last) {
        SortedSet<Integer> lines = new TreeSet<>();
        for (Program program : machine.programs()) {
            program.lineTable().ifPresent(table -> lines.addAll(table.linesWithCode(file, first, last)));
        }
        return lines;
    }

    /** The place of a function breakpoint: the symbol's address, in the first program that defines it. */
    public Placement placeFunction(String name) {
        for (Program program : machine.programs()) {
            Optional<Long> address = program.symbolAddress(name);
            if (address.isPresent()) {
                return new Placement(program, List.of(address.get()), null);
            }
        }
        return new Placement(null, List.of(), "no program of this machine defines a symbol '" + name + "'");
    }

    /** The place of an instruction breakpoint: the program whose image holds the address. */
    public Placement placeInstruction(long address) {
        for (Program program : machine.programs()) {
            if (program.elf().loadSegments().stream().anyMatch(segment -> segment.contains(address))) {
                return new Placement(program, List.of(address), null);
            }
        }
        return new Placement(null, List.of(), "0x" + Long.toHexString(address) + " is in no program image of this machine");
    }

    /** The breakpoints at an address of a program, in the order they were set. */
    public List<Breakpoint> at(Program program, long address) {
        return byAddress.getOrDefault(program, Map.of()).getOrDefault(address, List.of());
    }

    /** Whether any breakpoint of the thread's program sits at its pc. */
    public boolean isAt(ThreadContext thread) {
        Set<Long> addresses = installed.get(thread.memory());
        return addresses != null && addresses.contains(thread.thread().registers().pc());
    }

    /** Makes each address space's software breakpoints the union of its program's breakpoint addresses. */
    private void install() {
        byAddress.clear();
        for (List<Breakpoint> group : groups.values()) {
            for (Breakpoint breakpoint : group) {
                if (breakpoint.program() != null) {
                    Map<Long, List<Breakpoint>> program = byAddress.computeIfAbsent(breakpoint.program(), p -> new HashMap<>());
                    for (Long address : breakpoint.addresses()) {
                        List<Breakpoint> here = program.computeIfAbsent(address, a -> new ArrayList<>());
                        if (!here.contains(breakpoint)) {
                            here.add(breakpoint);
                        }
                    }
                }
            }
        }
        for (Map.Entry<AddressSpace, Program> space : machine.programSpaces().entrySet()) {
            Program program = space.getValue();
            space.getKey().breakpoints().setCheck(pc -> check.stops(program, pc));
            Set<Long> now = installed.computeIfAbsent(space.getKey(), s -> new HashSet<>());
            Set<Long> target = byAddress.getOrDefault(program, Map.of()).keySet();
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
