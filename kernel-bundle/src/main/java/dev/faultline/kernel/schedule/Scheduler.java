package dev.faultline.kernel.schedule;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import dev.faultline.kernel.object.Tcb;
import dev.faultline.kernel.object.ThreadState;

/**
 * The non-MCS scheduler (seL4 src/kernel/thread.c; SEL4/Kernel/Thread): 256 priorities, round
 * robin within a priority, one domain. Threads in a ready queue are runnable and not current.
 * What to run next is decided lazily, as seL4's scheduler action says, when the kernel exits.
 */
public final class Scheduler {

    public static final int PRIORITIES = 256;
    /** seL4's CONFIG_TIME_SLICE: ticks a thread runs before the next of its priority. */
    public static final int TIME_SLICE_TICKS = 5;

    private final ReadyQueues ready = new ReadyQueues();
    private final Consumer<Tcb> onSwitch;
    private Tcb current;
    private Action action = Action.RESUME_CURRENT;
    private Tcb candidate;

    /** onSwitch hears of every thread the scheduler makes current (null: the idle thread). */
    public Scheduler(Consumer<Tcb> onSwitch) {
        this.onSwitch = onSwitch;
    }

    /** seL4's scheduler action: keep the current thread, switch to a candidate, or choose anew. */
    private enum Action {
        RESUME_CURRENT,
        SWITCH_TO,
        CHOOSE_NEW
    }

    /** The thread the hart runs, or null when the machine idles. */
    public Tcb current() {
        return current;
    }

    /** Makes tcb current at boot, before the first schedule. */
    public void setCurrent(Tcb tcb) {
        current = tcb;
        action = Action.RESUME_CURRENT;
    }

    /** seL4 setThreadState: a current thread that stops being runnable makes the kernel choose again. */
    public void setState(Tcb tcb, ThreadState state) {
        tcb.setState(state);
        if (tcb == current && action == Action.RESUME_CURRENT && !state.isRunnable()) {
            rescheduleRequired();
        }
    }

    /** seL4 possibleSwitchTo: a thread that became runnable runs now if it should, else queues. */
    public void possibleSwitchTo(Tcb target) {
        if (action != Action.RESUME_CURRENT) {
            rescheduleRequired();
            ready.enqueue(target);
        } else {
            action = Action.SWITCH_TO;
            candidate = target;
        }
    }

    /** seL4 rescheduleRequired: any candidate goes back to its queue; the kernel chooses afresh. */
    public void rescheduleRequired() {
        if (action == Action.SWITCH_TO) {
            ready.enqueue(candidate);
        }
        action = Action.CHOOSE_NEW;
        candidate = null;
    }

    /** Queues a runnable thread at the head of its priority (seL4 tcbSchedEnqueue). */
    public void enqueue(Tcb tcb) {
        ready.enqueue(tcb);
    }

    /** Queues a runnable thread at the tail of its priority (seL4 tcbSchedAppend). */
    public void append(Tcb tcb) {
        ready.append(tcb);
    }

    /** Takes a thread out of the ready queues (seL4 tcbSchedDequeue). */
    public void dequeue(Tcb tcb) {
        ready.dequeue(tcb);
    }

    /** Yield: the current thread goes to the tail of its priority. */
    public void yieldCurrent() {
        ready.dequeue(current);
        ready.append(current);
        rescheduleRequired();
    }

    /** A timer tick: the current thread's slice shrinks; when it ends, the thread goes to the tail. */
    public void tick() {
        if (current == null || !current.state().isRunnable()) {
            return;
        }
        current.setTimeSlice(current.timeSlice() - 1);
        if (current.timeSlice() > 0) {
            return;
        }
        current.setTimeSlice(TIME_SLICE_TICKS);
        ready.append(current);
        rescheduleRequired();
    }

    /** seL4 schedule(): carries out the scheduler action; answers the thread to run (null: idle). */
    public Tcb schedule() {
        if (action != Action.RESUME_CURRENT) {
            boolean wasRunnable = current != null && current.state().isRunnable();
            if (wasRunnable) {
                ready.enqueue(current);
            }
            if (action == Action.CHOOSE_NEW) {
                chooseThread();
            } else {
                Tcb target = candidate;
                boolean fastFail = current == null || target.priority() < current.priority();
                if (fastFail && !ready.isHighest(target.priority())) {
                    ready.enqueue(target);
                    chooseThread();
                } else if (wasRunnable && target.priority() == current.priority()) {
                    ready.append(target);
                    chooseThread();
                } else {
                    switchTo(target);
                }
            }
            action = Action.RESUME_CURRENT;
            candidate = null;
        }
        return current;
    }

    private void chooseThread() {
        Tcb next = ready.highest();
        if (next == null) {
            switchTo(null);
        } else {
            switchTo(next);
        }
    }

    private void switchTo(Tcb tcb) {
        if (tcb != null) {
            ready.dequeue(tcb);
        }
        if (tcb != current) {
            current = tcb;
            onSwitch.accept(tcb);
        }
    }

    /** The runnable threads waiting in the ready queues, highest priority first, in queue order. */
    public List<Tcb> readyThreads() {
        List<Tcb> threads = new ArrayList<>();
        for (int priority = PRIORITIES - 1; priority >= 0; priority--) {
            threads.addAll(ready.queue(priority));
        }
        return threads;
    }

    /** The first thread in the ready queue of one priority, or null: walk on with {@link Tcb#readyNext()}. */
    public Tcb readyHead(int priority) {
        return ready.head(priority);
    }

    /** Whether tcb waits in a ready queue. */
    public boolean isQueued(Tcb tcb) {
        return tcb.isInReadyQueue();
    }
}
