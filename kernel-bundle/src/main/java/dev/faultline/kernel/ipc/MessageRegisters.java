package dev.faultline.kernel.ipc;

import dev.faultline.kernel.object.Tcb;

/**
 * Message registers as seL4 riscv places them: MR0..MR3 in a2..a5, MR4 and up in the IPC
 * buffer's msg words; the badge in a0 and the message info in a1 (registerset.c).
 */
public final class MessageRegisters {

    /** seL4's n_msgRegisters on RISC-V. */
    public static final int IN_REGISTERS = 4;
    public static final int BADGE = 10;
    public static final int INFO = 11;
    private static final int FIRST = 12;

    private MessageRegisters() {
    }

    /** MR i of thread, reading its buffer (which may be null) beyond the registers; 0 where there is none. */
    public static long get(Tcb thread, IpcBuffer buffer, int i) {
        if (i < IN_REGISTERS) {
            return thread.registers().get(FIRST + i);
        }
        return buffer == null ? 0 : buffer.word(IpcBuffer.MSG + i);
    }

    /** Sets MR i; answers false when i lies beyond the registers and there is no buffer. */
    public static boolean set(Tcb thread, IpcBuffer buffer, int i, long value) {
        if (i < IN_REGISTERS) {
            thread.registers().set(FIRST + i, value);
            return true;
        }
        if (buffer == null) {
            return false;
        }
        buffer.setWord(IpcBuffer.MSG + i, value);
        return true;
    }

    /** Writes words as MR0.. and answers how many were written (only the registers without a buffer). */
    public static int setAll(Tcb thread, IpcBuffer buffer, long[] words) {
        int n = 0;
        while (n < words.length && set(thread, buffer, n, words[n])) {
            n++;
        }
        return n;
    }
}
