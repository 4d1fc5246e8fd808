package dev.faultline.kernel.schedule;

import java.util.ArrayList;
import java.util.List;

import dev.faultline.kernel.object.Tcb;

/**
 * seL4's ksReadyQueues for one domain: a queue per priority, linked through the threads, and a
 * bitmap of the priorities with a queued thread so the highest is found in two steps.
 */
final class ReadyQueues {

    private final Tcb[] heads = new Tcb[Scheduler.PRIORITIES];
    private final Tcb[] tails = new Tcb[Scheduler.PRIORITIES];
    private final long[] bitmap = new long[Scheduler.PRIORITIES / 64];

    void enqueue(Tcb tcb) {
        if (tcb.isInReadyQueue()) {
            return;
        }
        int priority = tcb.priority();
        Tcb head = heads[priority];
        tcb.setReadyLinks(null, head, true);
        if (head == null) {
            tails[priority] = tcb;
        } else {
            head.setReadyLinks(tcb, head.readyNext(), true);
        }
        heads[priority] = tcb;
        bitmap[priority >> 6] |= 1L << (priority & 63);
    }

    void append(Tcb tcb) {
        if (tcb.isInReadyQueue()) {
            return;
        }
        int priority = tcb.priority();
        Tcb tail = tails[priority];
        tcb.setReadyLinks(tail, null, true);
        if (tail == null) {
            heads[priority] = tcb;
        } else {
            tail.setReadyLinks(tail.readyPrev(), tcb, true);
        }
        tails[priority] = tcb;
        bitmap[priority >> 6] |= 1L << (priority & 63);
    }

    void dequeue(Tcb tcb) {
        if (!tcb.isInReadyQueue()) {
            return;
        }
        int priority = tcb.priority();
        Tcb prev = tcb.readyPrev();
        Tcb next = tcb.readyNext();
        if (prev == null) {
            heads[priority] = next;
        } else {
            prev.setReadyLinks(prev.readyPrev(), next, true);
        }
        if (next == null) {
            tails[priority] = prev;
        } else {
            next.setReadyLinks(prev, next.readyNext(), true);
        }
        tcb.setReadyLinks(null, null, false);
        if (heads[priority] == null) {
            bitmap[priority >> 6] &= ~(1L << (priority & 63));
        }
    }

    /** The first thread of the highest non-empty priority, or null. */
    Tcb highest() {
        int priority = highestPriority();
        return priority < 0 ? null : heads[priority];
    }

    /** seL4 isHighestPrio: no queued thread has a higher priority than this. */
    boolean isHighest(int priority) {
        return highestPriority() <= priority;
    }

    private int highestPriority() {
        for (int word = bitmap.length - 1; word >= 0; word--) {
            if (bitmap[word] != 0) {
                return word * 64 + 63 - Long.numberOfLeadingZeros(bitmap[word]);
            }
        }
        return -1;
    }

    Tcb head(int priority) {
        return heads[priority];
    }

    List<Tcb> queue(int priority) {
        List<Tcb> threads = new ArrayList<>();
        for (Tcb t = heads[priority]; t != null; t = t.readyNext()) {
            threads.add(t);
        }
        return threads;
    }
}
