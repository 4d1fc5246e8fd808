package dev.faultline.dap.session;

import java.util.Optional;
import java.util.OptionalLong;

import dev.faultline.emulator.dwarf.LineRow;
import dev.faultline.emulator.hart.Registers;
import dev.faultline.emulator.memory.AddressSpace;
import dev.faultline.kernel.object.Tcb;

/** One thread's view of the machine for expressions and the unwinder: its registers, its program's symbols, its memory. */
public final class ThreadContext implements Expression.Context {

    private final Tcb thread;
    private final Program program;
    private final AddressSpace memory;
    private final Machine machine;

    public ThreadContext(Machine machine, Tcb thread) {
        this.thread = thread;
        this.program = machine.program(thread);
        this.memory = machine.addressSpace(thread);
        this.machine = machine;
    }

    /** The source line of the breakpoint the thread stands at, when a breakpoint stopped it. */
    public Optional<LineRow> breakpointLine() {
        return machine.breakpointLine(thread.id());
    }

    public Tcb thread() {
        return thread;
    }

    public Program program() {
        return program;
    }

    /** The thread's address space; null when its VSpace is not valid. */
    public AddressSpace memory() {
        return memory;
    }

    @Override
    public OptionalLong register(String name) {
        if (name.equals("pc")) {
            return OptionalLong.of(thread.registers().pc());
        }
        int index = Registers.indexOf(name);
        return index < 0 ? OptionalLong.empty() : OptionalLong.of(thread.registers().get(index));
    }

    @Override
    public OptionalLong symbol(String name) {
        return program.symbolAddress(name).map(OptionalLong::of).orElse(OptionalLong.empty());
    }

    @Override
    public OptionalLong word(long address) {
        return read(address, 8);
    }

    /** A little-endian value of size bytes (at most 8) at address; empty when not all of it is mapped. */
    public OptionalLong read(long address, int size) {
        if (memory == null) {
            return OptionalLong.empty();
        }
        byte[] bytes = new byte[size];
        if (memory.read(address, bytes, 0, size) < size) {
            return OptionalLong.empty();
        }
        long value = 0;
        for (int i = size - 1; i >= 0; i--) {
            value = value << 8 | (bytes[i] & 0xff);
        }
        return OptionalLong.of(value);
    }
}
