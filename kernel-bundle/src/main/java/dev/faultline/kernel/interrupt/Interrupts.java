package dev.faultline.kernel.interrupt;

/** The machine's interrupt lines, numbered 1..MAX_IRQ as a PLIC numbers its sources (0 means none). */
public final class Interrupts {

    /** The highest interrupt number (seL4 riscv maxIRQ on a small PLIC). */
    public static final int MAX_IRQ = 63;

    private Interrupts() {
    }
}
