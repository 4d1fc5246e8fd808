package dev.faultline.kernel.thread;

import dev.faultline.kernel.ipc.Ipc;
import dev.faultline.kernel.ipc.IpcContext;
import dev.faultline.kernel.object.Tcb;
import dev.faultline.kernel.object.ThreadState;
import dev.faultline.kernel.schedule.Scheduler;

/**
 * Starting and stopping threads (seL4 suspend, restart and activateThread in src/object/tcb.c and
 * src/kernel/thread.c), with seL4's FaultIP/NextIP rules: a Restart thread resumes at FaultIP.
 */
public final class ThreadControl {

    private final IpcContext context;
    private final Ipc ipc;

    public ThreadControl(IpcContext context, Ipc ipc) {
        this.context = context;
        this.ipc = ipc;
    }

    private Scheduler scheduler() {
        return context.scheduler();
    }

    /** seL4 suspend: cancels any IPC and stops the thread; a running one keeps NextIP as FaultIP. */
    public void suspend(Tcb thread) {
        ipc.cancel(thread);
        if (thread.state() == ThreadState.RUNNING) {
            thread.setFaultIp(thread.registers().pc());
        }
        context.setState(thread, ThreadState.INACTIVE);
        scheduler().dequeue(thread);
    }

    /** seL4 restart: a stopped thread cancels its IPC and runs again from FaultIP. */
    public void restart(Tcb thread) {
        if (!thread.state().isStopped()) {
            return;
        }
        ipc.cancel(thread);
        context.setState(thread, ThreadState.RESTART);
        scheduler().enqueue(thread);
        scheduler().possibleSwitchTo(thread);
    }

    /** seL4 activateThread: a Restart thread's NextIP becomes its FaultIP, and it runs. */
    public void activate(Tcb thread) {
        if (thread.state() == ThreadState.RESTART) {
            thread.registers().setPc(thread.faultIp());
            context.setState(thread, ThreadState.RUNNING);
        }
    }

    /** seL4 setPriority: a runnable thread is placed anew at its new priority. */
    public void setPriority(Tcb thread, int priority) {
        scheduler().dequeue(thread);
        thread.setPriority(priority);
        if (thread.state().isRunnable()) {
            if (thread == scheduler().current()) {
                scheduler().rescheduleRequired();
            } else {
                scheduler().possibleSwitchTo(thread);
            }
        }
    }
}
