package dev.faultline.dap.session;

import java.util.Optional;
import java.util.OptionalLong;

import dev.faultline.emulator.dwarf.Die;
import dev.faultline.emulator.dwarf.LineRow;
import dev.faultline.emulator.memory.AddressSpace;
import dev.faultline.kernel.object.Tcb;

/**
 * One thread's view of the machine for expressions and the unwinder: its registers, its program's
 * symbols, its memory. Its program and address space are looked up when first asked for: a
 * breakpoint condition over registers, evaluated at every hit, needs neither.
 */
public final class ThreadContext implements Expression.Context {

    private final Tcb thread;
    private final Machine machine;
    private Program program;
    private AddressSpace memory;
    private boolean memoryFound;
    /** The frame whose parameters and variables an expression's names are: 0, the innermost, unless asked. */
    private int frameLevel;

    public ThreadContext(Machine machine, Tcb thread) {
        this.thread = thread;
        this.machine = machine;
    }

    /** A context whose program is known already (the breakpoint check knows the address space it ran in). */
    ThreadContext(Machine machine, Tcb thread, Program program) {
        this(machine, thread);
        this.program = program;
    }

    /** This thread's view with the variables of the frame at a level of its backtrace (0 is the innermost). */
    public ThreadContext inFrame(int level) {
        ThreadContext context = new ThreadContext(machine, thread, program);
        context.frameLevel = level;
        return context;
    }

    /** The source line of the breakpoint the thread stands at, when a breakpoint stopped it. */
    public Optional<LineRow> breakpointLine() {
        return machine.breakpointLine(thread.id());
    }

    public Tcb thread() {
        return thread;
    }

    public Program program() {
        if (program == null) {
            program = machine.program(thread);
        }
        return program;
    }

    /** The thread's address space; null when its VSpace is not valid. */
    public AddressSpace memory() {
        if (!memoryFound) {
            memory = machine.addressSpace(thread);
            memoryFound = true;
        }
        return memory;
    }

    @Override
    public long register(int index) {
        return index == Expression.PC ? thread.registers().pc() : thread.registers().get(index);
    }

    @Override
    public Optional<CObject> local(String name) {
        // Names no function at the pc declares are not unwound for: the check at every breakpoint hit.
        if (frameLevel == 0 && !program().variableNamesAt(thread.registers().pc()).contains(name)) {
            return Optional.empty();
        }
        // Declared: read it as the Locals scope of the frame does (it may be out of its block here).
        return object(Locals.named(this, frameLevel, name));
    }

    @Override
    public Optional<CObject> global(String name) {
        return Globals.object(this, name);
    }

    /** A variable's C object; an error naming why when the variable exists but its value is not available here. */
    private static Optional<CObject> object(Optional<TypedValues.Value> variable) {
        if (variable.isEmpty() || variable.get().object().isPresent()) {
            return variable.isEmpty() ? Optional.empty() : variable.get().object();
        }
        throw new SessionException(SessionException.EXPRESSION, "'" + variable.get().name() + "' is "
                + variable.get().text() + " here");
    }

    @Override
    public OptionalLong symbol(String name) {
        return program().symbolAddress(name).map(OptionalLong::of).orElse(OptionalLong.empty());
    }

    @Override
    public Optional<Die> type(String name) {
        return program().type(name);
    }

    /** A little-endian value of size bytes (at most 8) at address; empty when not all of it is mapped. */
    @Override
    public OptionalLong read(long address, int size) {
        AddressSpace space = memory();
        if (space == null) {
            return OptionalLong.empty();
        }
        byte[] bytes = new byte[size];
        if (space.read(address, bytes, 0, size) < size) {
            return OptionalLong.empty();
        }
        long value = 0;
        for (int i = size - 1; i >= 0; i--) {
            value = value << 8 | (bytes[i] & 0xff);
        }
        return OptionalLong.of(value);
    }
}
