package dev.faultline.kernel.invariant;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import dev.faultline.kernel.object.Endpoint;
import dev.faultline.kernel.object.KernelObject;
import dev.faultline.kernel.object.Notification;
import dev.faultline.kernel.object.ObjectSpace;
import dev.faultline.kernel.object.Tcb;
import dev.faultline.kernel.object.ThreadQueue;
import dev.faultline.kernel.object.ThreadState;
import dev.faultline.kernel.schedule.Scheduler;

/**
 * Thread queues and thread states agree (seL4's valid_queues, valid_ep and valid_ntfn, sym_refs of
 * bound notifications): every queue is a well-formed doubly linked list, no thread waits in two
 * queues, an endpoint is idle exactly when its queue is empty and otherwise holds only threads
 * blocked on it in the matching direction, and the ready queues hold exactly the runnable threads
 * that are not current.
 */
final class QueueInvariants {

    private final ObjectSpace objects;
    private final Scheduler scheduler;
    private final List<Tcb> threads;
    private final Findings findings;
    /** Which endpoint or notification queue each queued thread was found in. */
    private final Map<Tcb, KernelObject> queuedIn = new IdentityHashMap<>();

    QueueInvariants(ObjectSpace objects, Scheduler scheduler, List<Tcb> threads, Findings findings) {
        this.objects = objects;
        this.scheduler = scheduler;
        this.threads = threads;
        this.findings = findings;
    }

    void check() {
        for (Endpoint endpoint : objects.all(Endpoint.class)) {
            checkEndpoint(endpoint, walk(endpoint, endpoint.queue()));
        }
        for (Notification notification : objects.all(Notification.class)) {
            checkNotification(notification, walk(notification, notification.queue()));
        }
        for (Tcb thread : threads) {
            checkThread(thread);
        }
        checkReadyQueues();
    }

    /**
     * Walks a queue forwards, checking its back links, its tail and size, and that each thread is
     * in no other queue; answers the threads this queue holds alone, in order (a cycle ends it).
     */
    private List<Tcb> walk(KernelObject owner, ThreadQueue queue) {
        List<Tcb> members = new ArrayList<>();
        Tcb previous = null;
        int count = 0;
        for (Tcb t = queue.head(); t != null; t = t.queueNext()) {
            if (count > threads.size()) {
                findings.add("queue well formed", owner, "the queue has a cycle");
                return members;
            }
            if (t.queuePrev() != previous) {
                findings.add("queue well formed", owner, t.label() + " links back to " + t.queuePrev() + ", not to "
                        + previous);
            }
            if (objects.find(t.id()) != t) {
                findings.add("queue well formed", owner, t.label() + " is queued but not a live object");
            }
            KernelObject other = queuedIn.put(t, owner);
            if (other != null) {
                findings.add("thread in one queue", t.label(), "queued in both " + other + " and " + owner);
            } else {
                members.add(t);
            }
            previous = t;
            count++;
        }
        if (queue.tail() != previous) {
            findings.add("queue well formed", owner, "the tail is " + queue.tail() + " but the last thread is " + previous);
        }
        if (queue.size() != count) {
            findings.add("queue well formed", owner, "the size says " + queue.size() + " but " + count + " threads are linked");
        }
        return members;
    }

    private void checkEndpoint(Endpoint endpoint, List<Tcb> members) {
        boolean empty = endpoint.queue().isEmpty();
        if (empty != (endpoint.state() == Endpoint.State.IDLE)) {
            findings.add("endpoint state", endpoint, "state " + endpoint.state() + " with " + endpoint.queue().size()
                    + " threads queued");
        }
        ThreadState expected = endpoint.state() == Endpoint.State.SEND ? ThreadState.BLOCKED_ON_SEND
                : ThreadState.BLOCKED_ON_RECEIVE;
        for (Tcb t : members) {
            if (t.state() != expected || t.blocking().object() != endpoint) {
                findings.add("endpoint state", endpoint, "in state " + endpoint.state() + " it queues " + t.label()
                        + ", which is " + t.state() + " on " + t.blocking().object());
            }
        }
    }

    private void checkNotification(Notification notification, List<Tcb> members) {
        boolean empty = notification.queue().isEmpty();
        if (empty == (notification.state() == Notification.State.WAITING)) {
            findings.add("notification state", notification, "state " + notification.state() + " with "
                    + notification.queue().size() + " threads queued");
        }
        for (Tcb t : members) {
            if (t.state() != ThreadState.BLOCKED_ON_NOTIFICATION || t.blocking().object() != notification) {
                findings.add("notification state", notification, "it queues " + t.label() + ", which is " + t.state()
                        + " on " + t.blocking().object());
            }
        }
        Tcb bound = notification.boundTcb();
        if (bound != null && (bound.boundNotification() != notification || objects.find(bound.id()) != bound)) {
            findings.add("notification binding", notification, "bound to " + bound.label() + ", which is bound to "
                    + bound.boundNotification());
        }
    }

    private void checkThread(Tcb thread) {
        KernelObject waitsOn = thread.blocking().object();
        boolean queued = switch (thread.state()) {
            case BLOCKED_ON_SEND, BLOCKED_ON_RECEIVE -> waitsOn instanceof Endpoint;
            case BLOCKED_ON_NOTIFICATION -> waitsOn instanceof Notification;
            default -> false;
        };
        KernelObject foundIn = queuedIn.get(thread);
        if (queued && foundIn != waitsOn) {
            findings.add("thread state", thread.label(), thread.state() + " on " + waitsOn + " but queued in " + foundIn);
        } else if (!queued && foundIn != null) {
            findings.add("thread state", thread.label(), thread.state() + " on " + waitsOn + " yet queued in " + foundIn);
        }
        Notification bound = thread.boundNotification();
        if (bound != null && (bound.boundTcb() != thread || objects.find(bound.id()) != bound)) {
            findings.add("notification binding", thread.label(), "bound to " + bound + ", which is bound to "
                    + bound.boundTcb());
        }
    }

    /** seL4 valid_queues and ct_not_in_q: at a kernel exit the ready queues hold the runnable threads but the current one. */
    private void checkReadyQueues() {
        Tcb current = scheduler.current();
        Map<Tcb, Integer> ready = new IdentityHashMap<>();
        for (int priority = 0; priority < Scheduler.PRIORITIES; priority++) {
            Tcb previous = null;
            for (Tcb t = scheduler.readyHead(priority); t != null; t = t.readyNext()) {
                if (ready.put(t, priority) != null) {
                    findings.add("ready queue well formed", t.label(), "queued twice (a cycle or two priorities)");
                    break;
                }
                if (t.readyPrev() != previous || !t.isInReadyQueue() || t.priority() != priority) {
                    findings.add("ready queue well formed", t.label(), "in the queue of priority " + priority
                            + " with priority " + t.priority() + ", back link " + t.readyPrev() + " (expected " + previous
                            + ")");
                }
                previous = t;
            }
        }
        if (current != null && !current.state().isRunnable()) {
            findings.add("current thread runnable", current.label(), "current but " + current.state());
        }
        for (Tcb thread : threads) {
            boolean inQueue = ready.containsKey(thread);
            if (inQueue != thread.isInReadyQueue()) {
                findings.add("ready queue well formed", thread.label(), "marked " + (inQueue ? "not " : "")
                        + "queued, but it is " + (inQueue ? "" : "not ") + "linked in a ready queue");
            }
            boolean shouldQueue = thread.state().isRunnable() && thread != current;
            if (inQueue != shouldQueue) {
                findings.add("ready queue membership", thread.label(), thread.state() + (thread == current ? " and current"
                        : "") + (inQueue ? " but waits in a ready queue" : " but waits in no ready queue"));
            }
        }
        for (Tcb t : ready.keySet()) {
            if (objects.find(t.id()) != t) {
                findings.add("ready queue well formed", t.label(), "queued but not a live object");
            }
        }
    }
}
