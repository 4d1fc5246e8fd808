package dev.faultline.kernel.journal;

import java.util.Arrays;

import dev.faultline.emulator.hart.Registers;

/**
 * A thread's registers as a trap left them, in seL4_UserContext's numbering by register: the pc
 * (FaultIP) at 0 and x1..x31 at 1..31. A value: events that carry one stay comparable.
 */
public record Trapframe(long[] registers) {

    public static final int SIZE = 32;

    public Trapframe {
        if (registers.length != SIZE) {
            throw new IllegalArgumentException("a trapframe holds " + SIZE + " registers, not " + registers.length);
        }
        registers = registers.clone();
    }

    /** The frame of registers, with pc in place of x0. */
    public static Trapframe of(Registers registers, long pc) {
        long[] words = registers.toArray();
        words[0] = pc;
        return new Trapframe(words);
    }

    @Override
    public long[] registers() {
        return registers.clone();
    }

    /** Register i (0: the pc). */
    public long get(int i) {
        return registers[i];
    }

    public long pc() {
        return registers[0];
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Trapframe o && Arrays.equals(registers, o.registers);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(registers);
    }

    @Override
    public String toString() {
        return "Trapframe" + Arrays.toString(registers);
    }
}
