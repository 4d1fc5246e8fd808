package dev.faultline.kernel.object;

import dev.faultline.kernel.api.ObjectType;

/**
 * An endpoint (seL4 endpoint_t; SEL4/Object/Endpoint): idle, or holding a queue of blocked
 * senders, or a queue of blocked receivers, never both.
 */
public final class Endpoint extends KernelObject {

    /** The three states of an endpoint. */
    public enum State {
        IDLE,
        SEND,
        RECEIVE
    }

    private final ThreadQueue queue = new ThreadQueue();
    private State state = State.IDLE;

    public Endpoint(long id, long physicalAddress) {
        super(id, physicalAddress, ObjectType.ENDPOINT.sizeBits(0));
    }

    @Override
    public ObjectType type() {
        return ObjectType.ENDPOINT;
    }

    public State state() {
        return state;
    }

    public ThreadQueue queue() {
        return queue;
    }

    /** Queues a thread that blocks sending (state SEND) or receiving (state RECEIVE). */
    public void enqueue(Tcb tcb, State waitingAs) {
        queue.append(tcb);
        state = waitingAs;
    }

    /** Takes a thread out of the queue; an emptied queue leaves the endpoint idle. */
    public void dequeue(Tcb tcb) {
        queue.remove(tcb);
        if (queue.isEmpty()) {
            state = State.IDLE;
        }
    }

    @Override
    public String label() {
        return "endpoint #" + id();
    }
}
