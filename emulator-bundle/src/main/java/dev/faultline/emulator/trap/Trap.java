package dev.faultline.emulator.trap;

/**
 * A synchronous exception as a value: what scause, stval and sepc would hold when the hart
 * traps (RISC-V privileged specification, "Supervisor Trap Value Register"). The hart hands it
 * to its caller instead of jumping to a trap vector.
 */
public record Trap(TrapCause cause, long tval, long pc) {

    @Override
    public String toString() {
        return String.format("%s (cause %d) at pc 0x%x, tval 0x%x", cause.description(), cause.code(), pc, tval);
    }
}
