package dev.faultline.emulator.bare;

import dev.faultline.emulator.trap.Trap;

/**
 * How a bare run ended: the guest called exit (status from a0), it trapped (status 128 + signal,
 * as under qemu-riscv64; the trap says where), a breakpoint or watchpoint stopped it (the run may
 * go on), or it used up its instruction limit.
 */
public record BareResult(Ending ending, int exitStatus, Trap trap, long instructions) {

    /** The three ways a bare run ends. */
    public enum Ending {
        EXITED,
        TRAPPED,
        DEBUG_STOP,
        LIMIT
    }
}
