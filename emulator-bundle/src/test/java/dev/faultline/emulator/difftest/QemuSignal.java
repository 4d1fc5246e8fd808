package dev.faultline.emulator.difftest;

/**
 * The Linux signals qemu-user delivers for RISC-V exceptions (linux-user/riscv/cpu_loop.c and
 * the page-fault and alignment paths of qemu 7.2), with the exit status a process killed by one
 * has as Java's Process reports it: 128 + the signal number. A guest that dies of an unhandled
 * signal makes qemu-riscv64 re-raise the same signal on itself, and qemu 7.2 prints nothing.
 */
public enum QemuSignal {
    SIGILL(4),
    SIGTRAP(5),
    SIGBUS(7),
    SIGSEGV(11);

    private final int number;

    QemuSignal(int number) {
        this.number = number;
    }

    /** The Linux signal number. */
    public int number() {
        return number;
    }

    /** The status Process.exitValue() gives for a process this signal killed. */
    public int exitStatus() {
        return 128 + number;
    }

    /** The signal qemu-user raises for an exception with this scause code. */
    public static QemuSignal forCause(int cause) {
        return switch (cause) {
            case 2 -> SIGILL;
            case 3 -> SIGTRAP;
            case 4, 6 -> SIGBUS;
            case 1, 5, 7, 12, 13, 15 -> SIGSEGV;
            default -> throw new IllegalArgumentException("no signal for exception cause " + cause
                    + " (ecall, cause 8, is a system call under qemu-user)");
        };
    }

    /** The signal an exit status stands for, or null for an ordinary exit. */
    public static QemuSignal fromExitStatus(int status) {
        for (QemuSignal signal : values()) {
            if (signal.exitStatus() == status) {
                return signal;
            }
        }
        return null;
    }
}
