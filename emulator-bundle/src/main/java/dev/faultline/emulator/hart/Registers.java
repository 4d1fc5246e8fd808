package dev.faultline.emulator.hart;

import java.util.List;

/**
 * A hart's user-visible integer state: pc and x1..x31 (x0 reads as zero). A thread's register
 * file; at a trap it is the trapframe. The hart runs on one of these at a time.
 */
public final class Registers {

    /** The RISC-V psABI names of x0..x31. */
    public static final List<String> ABI_NAMES = List.of(
            "zero", "ra", "sp", "gp", "tp", "t0", "t1", "t2", "s0", "s1",
            "a0", "a1", "a2", "a3", "a4", "a5", "a6", "a7",
            "s2", "s3", "s4", "s5", "s6", "s7", "s8", "s9", "s10", "s11",
            "t3", "t4", "t5", "t6");

    /** x[0..31]; x[32] swallows the writes that name x0, so the run loop needs no test for it. */
    final long[] x = new long[33];
    long pc;
    /** A breakpoint this thread stopped at: resuming at that pc executes the instruction instead of stopping again. */
    long stoppedAtBreakpoint = -1;

    public long get(int index) {
        checkIndex(index);
        return index == 0 ? 0 : x[index];
    }

    /** Writes x[index]; writes to x0 are ignored, as the hardware ignores them. */
    public void set(int index, long value) {
        checkIndex(index);
        if (index != 0) {
            x[index] = value;
        }
    }

    public long pc() {
        return pc;
    }

    public void setPc(long pc) {
        this.pc = pc;
    }

    /**
     * Lets this thread execute the instruction at its pc once even when a breakpoint sits there:
     * a debugger resumes a thread that stopped at that pc for another reason (a step, a pause).
     */
    public void passBreakpoint() {
        stoppedAtBreakpoint = pc;
    }

    /** Copies pc and every register from another register file. */
    public void copyFrom(Registers other) {
        System.arraycopy(other.x, 0, x, 0, 32);
        pc = other.pc;
        stoppedAtBreakpoint = other.stoppedAtBreakpoint;
    }

    /** An independent copy, for snapshots and trapframes. */
    public Registers copy() {
        Registers copy = new Registers();
        copy.copyFrom(this);
        return copy;
    }

    /** x0..x31 as an array (x0 = 0). */
    public long[] toArray() {
        long[] values = new long[32];
        System.arraycopy(x, 1, values, 1, 31);
        return values;
    }

    /** The index of a register named by ABI name ("a0", "fp"), or as "x10"; -1 if no register has that name. */
    public static int indexOf(String name) {
        int abi = ABI_NAMES.indexOf(name);
        if (abi >= 0) {
            return abi;
        }
        if (name.equals("fp")) {
            return 8;
        }
        if (name.matches("x([0-9]|[12][0-9]|3[01])")) {
            return Integer.parseInt(name.substring(1));
        }
        return -1;
    }

    private static void checkIndex(int index) {
        if (index < 0 || index > 31) {
            throw new IndexOutOfBoundsException("register x" + index + " does not exist (expected x0..x31)");
        }
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(String.format("pc  %016x%n", pc));
        for (int i = 1; i < 32; i++) {
            text.append(String.format("%-4s%016x%s", ABI_NAMES.get(i), x[i], i % 4 == 3 ? "\n" : "  "));
        }
        return text.toString();
    }
}
