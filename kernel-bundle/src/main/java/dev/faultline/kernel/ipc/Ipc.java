package dev.faultline.kernel.ipc;

import dev.faultline.kernel.api.MessageInfo;
import dev.faultline.kernel.journal.KernelEvent;
import dev.faultline.kernel.journal.KernelEvent.MessageTransferred.Kind;
import dev.faultline.kernel.object.Capability;
import dev.faultline.kernel.object.Capability.EndpointCap;
import dev.faultline.kernel.object.Capability.ReplyCap;
import dev.faultline.kernel.object.Cdt;
import dev.faultline.kernel.object.Cte;
import dev.faultline.kernel.object.Endpoint;
import dev.faultline.kernel.object.Notification;
import dev.faultline.kernel.object.Tcb;
import dev.faultline.kernel.object.TcbSlot;
import dev.faultline.kernel.object.ThreadState;

/**
 * IPC through endpoints, non-MCS (seL4 src/object/endpoint.c and doReplyTransfer in
 * src/kernel/thread.c; SEL4/Object/Endpoint): a send meets a waiting receiver or queues, a
 * receive meets a waiting sender or queues, a Call leaves the caller waiting on a reply cap.
 */
public final class Ipc {

    private final IpcContext context;
    private final Signals signals;

    public Ipc(IpcContext context, Signals signals) {
        this.context = context;
        this.signals = signals;
    }

    /** How a send goes: blocking or not, a Call or not, and with which of the cap's rights. */
    public record Send(boolean blocking, boolean call, long badge, boolean canGrant, boolean canGrantReply) {
    }

    /** seL4 sendIPC. */
    public void send(Tcb thread, Endpoint endpoint, Send send) {
        if (endpoint.state() != Endpoint.State.RECEIVE) {
            if (send.blocking()) {
                context.setState(thread, ThreadState.BLOCKED_ON_SEND);
                thread.blocking().send(endpoint, send.badge(),
                        new Tcb.SendRights(send.canGrant(), send.canGrantReply(), send.call()));
                endpoint.enqueue(thread, Endpoint.State.SEND);
                if (context.journalling()) {
                    context.record(new KernelEvent.SendBlocked(context.now(), thread.id(), endpoint.id(), send.badge(),
                            MessageInfo.fromWord(thread.registers().get(MessageRegisters.INFO)), send.call()));
                }
            }
            return;
        }
        Tcb receiver = endpoint.queue().head();
        endpoint.dequeue(receiver);
        MessageInfo info = MessageTransfer.transfer(thread, endpoint, send.badge(), send.canGrant(), receiver);
        journalTransfer(thread, receiver, endpoint, send.badge(), info,
                thread.fault() != null ? Kind.FAULT : send.call() ? Kind.CALL : Kind.SEND);
        boolean replyCanGrant = receiver.blocking().canGrant();
        context.setState(receiver, ThreadState.RUNNING);
        context.scheduler().possibleSwitchTo(receiver);
        if (send.call()) {
            if (send.canGrant() || send.canGrantReply()) {
                setupCallerCap(thread, receiver, replyCanGrant);
            } else {
                context.setState(thread, ThreadState.INACTIVE);
            }
        }
    }

    /** seL4 receiveIPC: cap is the receiver's endpoint cap (it has Read). */
    public void receive(Tcb thread, EndpointCap cap, boolean blocking) {
        Notification bound = thread.boundNotification();
        if (bound != null && bound.state() == Notification.State.ACTIVE) {
            signals.complete(bound, thread);
            return;
        }
        Endpoint endpoint = cap.endpoint();
        if (endpoint.state() != Endpoint.State.SEND) {
            if (blocking) {
                context.setState(thread, ThreadState.BLOCKED_ON_RECEIVE);
                thread.blocking().receive(endpoint, cap.rights().grant());
                endpoint.enqueue(thread, Endpoint.State.RECEIVE);
                if (context.journalling()) {
                    context.record(new KernelEvent.ReceiveBlocked(context.now(), thread.id(), endpoint.id()));
                }
            } else {
                thread.registers().set(MessageRegisters.BADGE, 0);
            }
            return;
        }
        Tcb sender = endpoint.queue().head();
        endpoint.dequeue(sender);
        Tcb.Blocking blocked = sender.blocking();
        MessageInfo info = MessageTransfer.transfer(sender, endpoint, blocked.badge(), blocked.canGrant(), thread);
        journalTransfer(sender, thread, endpoint, blocked.badge(), info,
                sender.fault() != null ? Kind.FAULT : blocked.isCall() ? Kind.CALL : Kind.SEND);
        if (blocked.isCall()) {
            if (blocked.canGrant() || blocked.canGrantReply()) {
                setupCallerCap(sender, thread, cap.rights().grant());
            } else {
                context.setState(sender, ThreadState.INACTIVE);
            }
        } else {
            context.setState(sender, ThreadState.RUNNING);
            context.scheduler().possibleSwitchTo(sender);
        }
    }

    /** seL4 setupCallerCap: the caller waits for a reply; the receiver holds a one-shot reply cap to it. */
    private void setupCallerCap(Tcb sender, Tcb receiver, boolean canGrant) {
        context.setState(sender, ThreadState.BLOCKED_ON_REPLY);
        Cte master = sender.slot(TcbSlot.REPLY);
        Cte caller = receiver.slot(TcbSlot.CALLER);
        if (!caller.isEmpty()) {
            Cdt.delete(caller, context.finaliser());
        }
        Cdt.insert(new ReplyCap(sender, false, canGrant), master, caller);
    }

    /** seL4 deleteCallerCap: a receive first drops a reply cap the thread never used. */
    public void deleteCallerCap(Tcb thread) {
        Cdt.delete(thread.slot(TcbSlot.CALLER), context.finaliser());
    }

    /**
     * seL4 doReplyTransfer: the replier answers the thread the reply cap in slot names; a faulted
     * thread instead has its fault reply applied and restarts or stops.
     */
    public void reply(Tcb replier, Cte slot, ReplyCap cap) {
        Tcb receiver = cap.tcb();
        if (receiver.state() != ThreadState.BLOCKED_ON_REPLY) {
            // A reply cap outlives a Resume of its caller; replying through it then does nothing.
            Cdt.delete(slot, context.finaliser());
            return;
        }
        if (receiver.fault() == null) {
            MessageInfo info = MessageTransfer.transfer(replier, null, 0, cap.canGrant(), receiver);
            journalTransfer(replier, receiver, null, 0, info, Kind.REPLY);
            Cdt.delete(slot, context.finaliser());
            context.setState(receiver, ThreadState.RUNNING);
            context.scheduler().possibleSwitchTo(receiver);
            return;
        }
        Cdt.delete(slot, context.finaliser());
        java.util.Map<String, Long> written = new java.util.LinkedHashMap<>();
        boolean restart = FaultReply.apply(receiver, replier, written);
        if (context.journalling()) {
            context.record(new KernelEvent.FaultReplyApplied(context.now(), receiver.id(), replier.id(), receiver.fault(),
                    written, restart));
        }
        receiver.setFault(null);
        if (restart) {
            context.setState(receiver, ThreadState.RESTART);
            context.scheduler().possibleSwitchTo(receiver);
        } else {
            context.setState(receiver, ThreadState.INACTIVE);
        }
    }

    /** seL4 cancelIPC: takes a blocked thread out of whatever it waits on; it becomes inactive. */
    public void cancel(Tcb thread) {
        switch (thread.state()) {
            case BLOCKED_ON_SEND, BLOCKED_ON_RECEIVE -> {
                Endpoint endpoint = (Endpoint) thread.blocking().object();
                endpoint.dequeue(thread);
                thread.blocking().clear();
                context.setState(thread, ThreadState.INACTIVE);
            }
            case BLOCKED_ON_NOTIFICATION -> signals.cancel(thread, (Notification) thread.blocking().object());
            case BLOCKED_ON_REPLY -> {
                thread.setFault(null);
                // The one-shot reply cap to this thread follows its master in the derivation tree.
                Cte master = thread.slot(TcbSlot.REPLY);
                Cte next = master.mdbNext();
                if (next != null && next.cap() instanceof ReplyCap reply && reply.tcb() == thread && !reply.master()) {
                    Cdt.delete(next, context.finaliser());
                }
            }
            default -> { }
        }
    }

    /** seL4 cancelAllIPC: the endpoint is going; every waiter restarts its system call. */
    public void cancelAll(Endpoint endpoint) {
        while (!endpoint.queue().isEmpty()) {
            Tcb thread = endpoint.queue().head();
            endpoint.dequeue(thread);
            thread.blocking().clear();
            context.setState(thread, ThreadState.RESTART);
            context.scheduler().enqueue(thread);
        }
        context.scheduler().rescheduleRequired();
    }

    /** seL4 cancelBadgedSends: senders with this badge restart; the others keep their places. */
    public void cancelBadgedSends(Endpoint endpoint, long badge) {
        for (Tcb thread : endpoint.queue().toList()) {
            if (thread.blocking().badge() == badge) {
                endpoint.dequeue(thread);
                thread.blocking().clear();
                context.setState(thread, ThreadState.RESTART);
                context.scheduler().enqueue(thread);
            }
        }
        context.scheduler().rescheduleRequired();
    }

    private void journalTransfer(Tcb sender, Tcb receiver, Endpoint endpoint, long badge, MessageInfo info, Kind kind) {
        if (context.journalling()) {
            context.record(new KernelEvent.MessageTransferred(context.now(), sender.id(), receiver.id(),
                    endpoint == null ? 0 : endpoint.id(), badge, info, kind));
            if (kind == Kind.FAULT) {
                context.record(new KernelEvent.FaultDelivered(context.now(), sender.id(), receiver.id(),
                        endpoint == null ? 0 : endpoint.id(), badge, sender.fault()));
            }
        }
    }

    /** A cap in a thread's CSpace that answers a Call when sent on: Send on a saved reply cap. */
    public static boolean isReply(Capability cap) {
        return cap instanceof ReplyCap r && !r.master();
    }
}
