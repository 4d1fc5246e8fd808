package dev.faultline.kernel.interrupt;

/**
 * A deterministic timer: it raises its interrupt every period retired instructions, so a run's
 * interrupts fall at the same instructions every time.
 */
public final class TimerDevice {

    private final long period;
    private final int irq;
    private long nextFire;

    public TimerDevice(long period, int irq, long now) {
        if (period < 1) {
            throw new IllegalArgumentException("a timer period is at least one instruction, got " + period);
        }
        this.period = period;
        this.irq = irq;
        this.nextFire = now + period;
    }

    public long period() {
        return period;
    }

    public int irq() {
        return irq;
    }

    /** The machine time of the next interrupt. */
    public long nextFire() {
        return nextFire;
    }

    /** Whether the timer fires at time now; if so it is re-armed for one period later. */
    public boolean fire(long now) {
        if (now < nextFire) {
            return false;
        }
        nextFire += period;
        return true;
    }
}
