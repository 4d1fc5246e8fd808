package dev.faultline.emulator.bare;

import dev.faultline.emulator.trap.TrapCause;

/**
 * The signal Linux (and so qemu-riscv64) raises for a user trap, so a bare guest that traps
 * ends with the status a shell would see under qemu: 128 + signal.
 */
public enum LinuxSignal {
    SIGILL(4),
    SIGTRAP(5),
    SIGBUS(7),
    SIGSEGV(11);

    private final int number;

    LinuxSignal(int number) {
        this.number = number;
    }

    public int number() {
        return number;
    }

    /** The exit status of a process killed by this signal, as a shell reports it. */
    public int exitStatus() {
        return 128 + number;
    }

    /** The signal for a trap the bare runner does not handle (everything but ecall). */
    public static LinuxSignal of(TrapCause cause) {
        return switch (cause) {
            case ILLEGAL_INSTRUCTION -> SIGILL;
            case BREAKPOINT -> SIGTRAP;
            case INSTRUCTION_ADDRESS_MISALIGNED, LOAD_ADDRESS_MISALIGNED, STORE_ADDRESS_MISALIGNED -> SIGBUS;
            default -> SIGSEGV;
        };
    }
}
