package dev.faultline.kernel;

/**
 * How a machine is built: physical memory, the root CNode's size, how many retired instructions
 * make a timer tick, and how many journal events are kept.
 */
public record KernelConfig(long memoryBase, long memoryBytes, int rootCNodeBits, long instructionsPerTick,
        int journalCapacity, long timerPeriod, int timerIrq) {

    /** The interrupt line of the timer device when the boot options ask for one without naming a line. */
    public static final int DEFAULT_TIMER_IRQ = 1;

    /**
     * RAM from 0x8000_0000, 1 GiB; a 2^16-slot root CNode as the seL4 tutorials use; 100,000
     * instructions a tick; no timer device.
     */
    public static final KernelConfig DEFAULT = new KernelConfig(0x8000_0000L, 1L << 30, 16, 100_000, 100_000, 0, 0);

    public KernelConfig {
        if (rootCNodeBits < 4 || rootCNodeBits > 27) {
            throw new IllegalArgumentException("root CNode size bits " + rootCNodeBits + ": expected 4..27");
        }
        if (instructionsPerTick < 1) {
            throw new IllegalArgumentException("a tick is at least one instruction, got " + instructionsPerTick);
        }
        if (timerPeriod < 0 || (timerPeriod > 0 && (timerIrq < 1 || timerIrq > dev.faultline.kernel.interrupt.Interrupts.MAX_IRQ))) {
            throw new IllegalArgumentException("a timer needs a period of at least one instruction and an interrupt line 1.."
                    + dev.faultline.kernel.interrupt.Interrupts.MAX_IRQ);
        }
        if (memoryBytes < (1L << 20) || Long.bitCount(memoryBytes) != 1) {
            throw new IllegalArgumentException("memory must be a power of two of at least 1 MiB, got " + memoryBytes);
        }
    }

    public KernelConfig withJournalCapacity(int capacity) {
        return new KernelConfig(memoryBase, memoryBytes, rootCNodeBits, instructionsPerTick, capacity, timerPeriod, timerIrq);
    }

    public KernelConfig withInstructionsPerTick(long instructions) {
        return new KernelConfig(memoryBase, memoryBytes, rootCNodeBits, instructions, journalCapacity, timerPeriod, timerIrq);
    }

    /** A timer device raising irq every period instructions (a boot option; a system description names its own). */
    public KernelConfig withTimer(long period, int irq) {
        return new KernelConfig(memoryBase, memoryBytes, rootCNodeBits, instructionsPerTick, journalCapacity, period, irq);
    }
}
