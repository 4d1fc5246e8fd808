package dev.faultline.kernel.ipc;

import dev.faultline.kernel.journal.KernelEvent;
import dev.faultline.kernel.object.Capability.NotificationCap;
import dev.faultline.kernel.object.Notification;
import dev.faultline.kernel.object.Tcb;
import dev.faultline.kernel.object.ThreadState;

/**
 * Notifications (seL4 src/object/notification.c; SEL4/Object/Notification): a signal wakes the
 * first waiter, or the bound thread blocked receiving on an endpoint, or ORs its badge into the
 * word; a wait takes the word or blocks. Only a0 changes in the thread that takes a signal.
 */
public final class Signals {

    private final IpcContext context;
    private Ipc ipc;

    public Signals(IpcContext context) {
        this.context = context;
    }

    /** The endpoint IPC that a signal to a bound thread interrupts. */
    public void setIpc(Ipc ipc) {
        this.ipc = ipc;
    }

    /** seL4 sendSignal. */
    public void send(Notification notification, long badge) {
        Tcb woken = null;
        switch (notification.state()) {
            case IDLE -> {
                Tcb bound = notification.boundTcb();
                if (bound != null && bound.state() == ThreadState.BLOCKED_ON_RECEIVE) {
                    ipc.cancel(bound);
                    wake(bound, badge);
                    woken = bound;
                } else {
                    notification.accumulate(badge);
                }
            }
            case WAITING -> {
                Tcb waiter = notification.queue().head();
                notification.dequeue(waiter);
                waiter.blocking().clear();
                wake(waiter, badge);
                woken = waiter;
            }
            case ACTIVE -> notification.accumulate(badge);
        }
        if (context.journalling()) {
            context.record(new KernelEvent.Signalled(context.now(), notification.id(), badge,
                    notification.state() == Notification.State.ACTIVE ? notification.word() : 0, woken == null ? 0 : woken.id()));
        }
    }

    private void wake(Tcb thread, long badge) {
        context.setState(thread, ThreadState.RUNNING);
        thread.registers().set(MessageRegisters.BADGE, badge);
        context.scheduler().possibleSwitchTo(thread);
    }

    /** seL4 receiveSignal: cap is the waiter's notification cap (with Read). */
    public void receive(Tcb thread, NotificationCap cap, boolean blocking) {
        Notification notification = cap.notification();
        if (notification.state() == Notification.State.ACTIVE) {
            thread.registers().set(MessageRegisters.BADGE, notification.take());
            return;
        }
        if (blocking) {
            context.setState(thread, ThreadState.BLOCKED_ON_NOTIFICATION);
            thread.blocking().receive(notification, false);
            notification.enqueue(thread);
            if (context.journalling()) {
                context.record(new KernelEvent.ReceiveBlocked(context.now(), thread.id(), notification.id()));
            }
        } else {
            thread.registers().set(MessageRegisters.BADGE, 0);
        }
    }

    /** seL4 completeSignal: a thread receiving on an endpoint takes its bound notification's word instead. */
    void complete(Notification notification, Tcb thread) {
        thread.registers().set(MessageRegisters.BADGE, notification.take());
    }

    /** seL4 cancelSignal: a waiter leaves the queue, inactive. */
    public void cancel(Tcb thread, Notification notification) {
        notification.dequeue(thread);
        thread.blocking().clear();
        context.setState(thread, ThreadState.INACTIVE);
    }

    /** seL4 cancelAllSignals: the notification is going; every waiter restarts its call. */
    public void cancelAll(Notification notification) {
        while (!notification.queue().isEmpty()) {
            Tcb thread = notification.queue().head();
            notification.dequeue(thread);
            thread.blocking().clear();
            context.setState(thread, ThreadState.RESTART);
            context.scheduler().enqueue(thread);
        }
        context.scheduler().rescheduleRequired();
    }

    /** Binds a notification to a thread, so signals reach it while it receives on an endpoint. */
    public void bind(Tcb thread, Notification notification) {
        notification.setBoundTcb(thread);
        thread.setBoundNotification(notification);
    }

    public void unbind(Tcb thread) {
        Notification notification = thread.boundNotification();
        if (notification != null) {
            notification.setBoundTcb(null);
            thread.setBoundNotification(null);
        }
    }
}
