package dev.faultline.kernel.arch.riscv64;

import dev.faultline.kernel.object.Tcb;

/**
 * seL4_UserContext on RISC-V: 32 words in the order TCB_ReadRegisters, WriteRegisters and
 * CopyRegisters use (§3 of the reference). Word 0 is pc, read as FaultIP; words 0..15 are the
 * frame registers, 16..31 the integer registers.
 */
public final class UserContext {

    public static final int WORDS = 32;
    public static final int FRAME_WORDS = 16;
    /** The register number of each word after pc (x-numbers: ra 1, sp 2, gp 3, s0 8, s1 9, ...). */
    private static final int[] REGISTER = {
        -1, 1, 2, 3, 8, 9, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27,
        10, 11, 12, 13, 14, 15, 16, 17, 5, 6, 7, 28, 29, 30, 31, 4};

    private UserContext() {
    }

    /** Word i of thread's context. */
    public static long read(Tcb thread, int i) {
        return i == 0 ? thread.faultIp() : thread.registers().get(REGISTER[i]);
    }

    /** Writes word i; pc goes to FaultIP (the caller then sets NextIP from it). */
    public static void write(Tcb thread, int i, long value) {
        if (i == 0) {
            thread.setFaultIp(value);
        } else {
            thread.registers().set(REGISTER[i], value);
        }
    }
}
