package dev.faultline.kernel.object;

import java.util.ArrayList;
import java.util.List;

/**
 * The ordered queue of threads blocked on an endpoint or a notification, linked through the
 * threads themselves as seL4 links them (tcbEPNext/tcbEPPrev), so queueing allocates nothing.
 */
public final class ThreadQueue {

    private Tcb head;
    private Tcb tail;
    private int size;

    public boolean isEmpty() {
        return head == null;
    }

    public Tcb head() {
        return head;
    }

    public Tcb tail() {
        return tail;
    }

    public int size() {
        return size;
    }

    public void append(Tcb tcb) {
        tcb.queuePrev = tail;
        tcb.queueNext = null;
        if (tail == null) {
            head = tcb;
        } else {
            tail.queueNext = tcb;
        }
        tail = tcb;
        size++;
    }

    /** Removes tcb, which must be in this queue. */
    public void remove(Tcb tcb) {
        if (tcb.queuePrev == null) {
            head = tcb.queueNext;
        } else {
            tcb.queuePrev.queueNext = tcb.queueNext;
        }
        if (tcb.queueNext == null) {
            tail = tcb.queuePrev;
        } else {
            tcb.queueNext.queuePrev = tcb.queuePrev;
        }
        tcb.queuePrev = null;
        tcb.queueNext = null;
        size--;
    }

    /** Removes and answers the first thread. */
    public Tcb dequeue() {
        Tcb first = head;
        remove(first);
        return first;
    }

    public boolean contains(Tcb tcb) {
        for (Tcb t = head; t != null; t = t.queueNext) {
            if (t == tcb) {
                return true;
            }
        }
        return false;
    }

    /** The threads in order, as a copy. */
    public List<Tcb> toList() {
        List<Tcb> threads = new ArrayList<>(size);
        for (Tcb t = head; t != null; t = t.queueNext) {
            threads.add(t);
        }
        return threads;
    }
}
