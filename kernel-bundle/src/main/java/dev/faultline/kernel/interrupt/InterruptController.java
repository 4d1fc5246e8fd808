package dev.faultline.kernel.interrupt;

import java.util.ArrayList;
import java.util.List;

import dev.faultline.kernel.object.Capability.NotificationCap;
import dev.faultline.kernel.object.Cte;
import dev.faultline.kernel.object.KernelObject;
import dev.faultline.kernel.object.Notification;
import dev.faultline.kernel.object.Tcb;
import dev.faultline.kernel.object.ThreadState;

/**
 * The interrupt lines as seL4 keeps them (src/object/interrupt.c, intStateIRQTable and
 * intStateIRQNode): each line's state, the notification cap its handler signals, and whether it
 * is masked. A delivered interrupt stays masked until its handler acknowledges it; one that
 * arrives while masked waits, pending, and is delivered when the line is unmasked.
 */
public final class InterruptController {

    private final IrqState[] states = new IrqState[Interrupts.MAX_IRQ + 1];
    private final Cte[] handlerSlots = new Cte[Interrupts.MAX_IRQ + 1];
    /** Bit irq set: the line is masked. */
    private long masked;
    /** Bit irq set: the line was raised while masked. */
    private long pending;
    private final List<TimerDevice> timers = new ArrayList<>();

    /** The controller's own object, owning the handler slots (seL4's IRQ node). */
    private static final class IrqNode extends KernelObject {
        IrqNode() {
            super(0, 0, 0);
        }

        @Override
        public dev.faultline.kernel.api.ObjectType type() {
            return dev.faultline.kernel.api.ObjectType.CAP_TABLE;
        }

        @Override
        public String label() {
            return "irq node";
        }
    }

    public InterruptController() {
        IrqNode node = new IrqNode();
        for (int irq = 0; irq <= Interrupts.MAX_IRQ; irq++) {
            states[irq] = IrqState.INACTIVE;
            handlerSlots[irq] = new Cte(node, irq);
        }
        masked = -1L;
    }

    public IrqState state(int irq) {
        return states[irq];
    }

    public void setState(int irq, IrqState state) {
        states[irq] = state;
        // seL4 unmasks a line when a handler is issued and masks it when the handler goes.
        if (state == IrqState.SIGNAL) {
            unmask(irq);
        } else {
            mask(irq);
        }
    }

    /** The slot holding the notification cap the line's handler signals. */
    public Cte handlerSlot(int irq) {
        return handlerSlots[irq];
    }

    /** The notification cap the line signals, or null. */
    public NotificationCap notification(int irq) {
        return handlerSlots[irq].cap() instanceof NotificationCap n ? n : null;
    }

    public boolean isMasked(int irq) {
        return (masked & 1L << irq) != 0;
    }

    public void mask(int irq) {
        masked |= 1L << irq;
    }

    public void unmask(int irq) {
        masked &= ~(1L << irq);
    }

    /** A device raised the line: answers whether it can be delivered now (not masked), else it waits pending. */
    public boolean raise(int irq) {
        if (isMasked(irq)) {
            pending |= 1L << irq;
            return false;
        }
        return true;
    }

    /** A pending interrupt on a line that is now unmasked, taken (lowest line first); -1 if none. */
    public int takePending() {
        long ready = pending & ~masked;
        if (ready == 0) {
            return -1;
        }
        int irq = Long.numberOfTrailingZeros(ready);
        pending &= ~(1L << irq);
        return irq;
    }

    public boolean isPending(int irq) {
        return (pending & 1L << irq) != 0;
    }

    public void addTimer(TimerDevice timer) {
        timers.add(timer);
    }

    public List<TimerDevice> timers() {
        return List.copyOf(timers);
    }

    /**
     * Whether an interrupt could still wake a thread: some line a timer raises is unmasked and
     * signals a notification that a thread waits on (or whose bound thread waits for a message).
     * A masked line stays masked until a running thread acknowledges it, so when no thread runs
     * and none of this holds, nothing ever will run again.
     */
    public boolean canWakeAThread() {
        for (TimerDevice timer : timers) {
            int irq = timer.irq();
            NotificationCap cap = notification(irq);
            if (isMasked(irq) || state(irq) != IrqState.SIGNAL || cap == null || !cap.rights().write()) {
                continue;
            }
            Notification target = cap.notification();
            Tcb bound = target.boundTcb();
            if (target.state() == Notification.State.WAITING
                    || bound != null && bound.state() == ThreadState.BLOCKED_ON_RECEIVE) {
                return true;
            }
        }
        return false;
    }

    /** The earliest time a device will raise an interrupt, or Long.MAX_VALUE. */
    public long nextDeviceEvent() {
        long next = Long.MAX_VALUE;
        for (TimerDevice timer : timers) {
            next = Math.min(next, timer.nextFire());
        }
        return next;
    }
}
