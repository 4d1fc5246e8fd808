package dev.faultline.kernel.sdk;

/**
 * What a kernel would receive at one ecall of a guest (reference §1.2): the ecall's pc, a0..a7,
 * and the 128 words of the guest's IPC buffer at that moment.
 */
record KernelEntry(long pc, long[] a, long[] ipcBuffer) {

    /** a7: the system call number. */
    long syscall() {
        return a[7];
    }

    /** a1: the message info word. */
    long info() {
        return a[1];
    }

    long label() {
        return info() >>> 12;
    }

    long capsUnwrapped() {
        return (info() >>> 9) & 0x7;
    }

    long extraCaps() {
        return (info() >>> 7) & 0x3;
    }

    long length() {
        return info() & 0x7f;
    }

    /** Message register i as the kernel reads it: a2..a5 for MR0..3, IPC buffer word i + 1 beyond. */
    long mr(int i) {
        return i < 4 ? a[2 + i] : ipcBuffer[i + 1];
    }

    /** The i-th extra cap's CPtr, from caps_or_badges (IPC buffer word 122 + i). */
    long cap(int i) {
        return ipcBuffer[122 + i];
    }
}
