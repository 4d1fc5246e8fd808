package dev.faultline.kernel.object;

import dev.faultline.kernel.api.ObjectType;

/**
 * A notification (seL4 notification_t; SEL4/Object/Notification): idle, or with waiting
 * threads, or active with a word of accumulated badges; optionally bound to one TCB.
 */
public final class Notification extends KernelObject {

    /** The three states of a notification. */
    public enum State {
        IDLE,
        WAITING,
        ACTIVE
    }

    private final ThreadQueue queue = new ThreadQueue();
    private State state = State.IDLE;
    private long word;
    private Tcb boundTcb;

    public Notification(long id, long physicalAddress) {
        super(id, physicalAddress, ObjectType.NOTIFICATION.sizeBits(0));
    }

    @Override
    public ObjectType type() {
        return ObjectType.NOTIFICATION;
    }

    public State state() {
        return state;
    }

    public ThreadQueue queue() {
        return queue;
    }

    /** The OR of the badges signalled since the last wait (valid while ACTIVE). */
    public long word() {
        return word;
    }

    public Tcb boundTcb() {
        return boundTcb;
    }

    public void setBoundTcb(Tcb tcb) {
        this.boundTcb = tcb;
    }

    public void enqueue(Tcb tcb) {
        queue.append(tcb);
        state = State.WAITING;
    }

    public void dequeue(Tcb tcb) {
        queue.remove(tcb);
        if (queue.isEmpty()) {
            state = State.IDLE;
        }
    }

    /** Becomes active with badge ORed into the word. */
    public void accumulate(long badge) {
        word = state == State.ACTIVE ? word | badge : badge;
        state = State.ACTIVE;
    }

    /** Answers the word and becomes idle (a successful wait or poll). */
    public long take() {
        long taken = word;
        word = 0;
        state = State.IDLE;
        return taken;
    }

    @Override
    public String label() {
        return "notification #" + id();
    }
}
