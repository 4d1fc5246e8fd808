package dev.faultline.kernel;

import java.util.List;

import dev.faultline.kernel.api.Fault;
import dev.faultline.kernel.api.LookupFailure;
import dev.faultline.kernel.api.MessageInfo;
import dev.faultline.kernel.api.SyscallError;
import dev.faultline.kernel.api.Syscall;
import dev.faultline.kernel.cspace.CSpace;
import dev.faultline.kernel.cspace.LookupException;
import dev.faultline.kernel.ipc.Ipc;
import dev.faultline.kernel.ipc.IpcBuffer;
import dev.faultline.kernel.ipc.MessageRegisters;
import dev.faultline.kernel.ipc.MessageTransfer;
import dev.faultline.kernel.journal.KernelEvent;
import dev.faultline.kernel.object.Capability;
import dev.faultline.kernel.object.Capability.EndpointCap;
import dev.faultline.kernel.object.Capability.NotificationCap;
import dev.faultline.kernel.object.Capability.ReplyCap;
import dev.faultline.kernel.object.Cte;
import dev.faultline.kernel.object.Tcb;
import dev.faultline.kernel.object.TcbSlot;
import dev.faultline.kernel.object.ThreadState;
import dev.faultline.kernel.object.invocation.Invocation;
import dev.faultline.kernel.object.invocation.InvocationRequest;

/**
 * System calls (seL4 src/api/syscall.c; SEL4/API/Syscall): the number in a7 selects Send, Call,
 * Recv, Reply and the rest, or a debug call; an unknown number is an UnknownSyscall fault. A
 * failed cap lookup is a cap fault; an invocation's error is a reply to a Call.
 */
final class SyscallHandler {

    private final Kernel kernel;
    private final Invocations invocations;

    SyscallHandler(Kernel kernel) {
        this.kernel = kernel;
        this.invocations = new Invocations(kernel);
    }

    void handle(Tcb thread) {
        long number = thread.registers().get(17);
        Syscall syscall = dispatch(thread, number);
        if (kernel.journal().isOn()) {
            kernel.journal().record(new KernelEvent.SyscallExited(kernel.now(), thread.id(), syscall, number, thread.state()));
        }
    }

    private Syscall dispatch(Tcb thread, long number) {
        Syscall syscall = Syscall.fromNumber(number);
        if (kernel.journal().isOn()) {
            kernel.journal().record(new KernelEvent.SyscallEntered(kernel.now(), thread.id(), thread.name(), syscall, number,
                    thread.registers().get(MessageRegisters.BADGE),
                    MessageInfo.fromWord(thread.registers().get(MessageRegisters.INFO))));
        }
        if (syscall == null) {
            kernel.faults().handleFault(thread, unknownSyscall(thread, number));
            return null;
        }
        switch (syscall) {
            case CALL -> invoke(thread, Kind.CALL);
            case SEND -> invoke(thread, Kind.SEND);
            case NB_SEND -> invoke(thread, Kind.NB_SEND);
            case RECV -> receive(thread, true);
            case NB_RECV -> receive(thread, false);
            case REPLY -> reply(thread);
            case REPLY_RECV -> {
                reply(thread);
                receive(thread, true);
            }
            case YIELD -> kernel.scheduler().yieldCurrent();
            default -> DebugCalls.handle(kernel, thread, syscall);
        }
        return syscall;
    }

    private static Fault unknownSyscall(Tcb thread, long number) {
        long[] arguments = new long[7];
        for (int i = 0; i < 7; i++) {
            arguments[i] = thread.registers().get(10 + i);
        }
        return new Fault.UnknownSyscall(thread.faultIp(), thread.registers().get(2), thread.registers().get(1), arguments, number);
    }

    /** The three ways of sending: Call blocks and expects a reply, Send blocks, NBSend never blocks. */
    private enum Kind {
        CALL,
        SEND,
        NB_SEND;

        boolean blocking() {
            return this != NB_SEND;
        }
    }

    /** seL4 handleInvocation: a send to an endpoint, a signal, a reply through a saved reply cap, or a kernel invocation. */
    private void invoke(Tcb thread, Kind kind) {
        long cptr = thread.registers().get(MessageRegisters.BADGE);
        MessageInfo info = MessageInfo.fromWord(thread.registers().get(MessageRegisters.INFO));
        Cte slot;
        try {
            slot = CSpace.lookupSlot(thread, cptr);
        } catch (LookupException e) {
            if (kind.blocking()) {
                kernel.faults().handleFault(thread, new Fault.CapFault(thread.faultIp(), cptr, false, e.failure()));
            }
            return;
        }
        IpcBuffer buffer = IpcBuffer.of(thread, IpcBuffer.Use.SEND);
        List<Cte> extraCaps;
        try {
            extraCaps = MessageTransfer.lookupExtraCaps(thread, buffer, info);
        } catch (MessageTransfer.ExtraCapFault e) {
            if (kind.blocking()) {
                kernel.faults().handleFault(thread,
                        new Fault.CapFault(thread.faultIp(), e.cptr(), false, e.lookup().failure()));
            }
            return;
        }
        if (buffer == null && info.length() > MessageRegisters.IN_REGISTERS) {
            info = info.withLength(MessageRegisters.IN_REGISTERS);
        }
        Capability cap = slot.cap();
        switch (cap) {
            case EndpointCap ep when ep.rights().write() -> kernel.ipc().send(thread, ep.endpoint(), new Ipc.Send(
                    kind.blocking(), kind == Kind.CALL, ep.badge(), ep.rights().grant(), ep.rights().grantReply()));
            case NotificationCap n when n.rights().write() -> kernel.signals().send(n.notification(), n.badge());
            case ReplyCap r when !r.master() -> kernel.ipc().reply(thread, slot, r);
            default -> kernelInvocation(thread, kind, new InvocationRequest(thread, slot, cap, info, buffer, extraCaps));
        }
    }

    private void kernelInvocation(Tcb thread, Kind kind, InvocationRequest request) {
        // As in seL4, the caller is Restart while its invocation runs: if it is still Restart
        // afterwards, the invocation completed and it runs on past the ecall.
        kernel.context().setState(thread, ThreadState.RESTART);
        Invocation invocation;
        try {
            invocation = invocations.decode(request);
        } catch (SyscallError error) {
            kernel.context().setState(thread, ThreadState.RUNNING);
            if (kernel.journal().isOn()) {
                kernel.journal().record(new KernelEvent.InvocationFailed(kernel.now(), thread.id(),
                        dev.faultline.kernel.api.InvocationLabel.fromNumber(request.label()), error.error(), error.getMessage()));
            }
            if (kind == Kind.CALL) {
                replyError(thread, error);
            }
            return;
        }
        long[] words = invocation.perform();
        if (thread.state() == ThreadState.RESTART) {
            if (kind == Kind.CALL) {
                IpcBuffer buffer = IpcBuffer.of(thread, IpcBuffer.Use.RECEIVE);
                int length = MessageRegisters.setAll(thread, buffer, words);
                thread.registers().set(MessageRegisters.BADGE, 0);
                thread.registers().set(MessageRegisters.INFO, MessageInfo.of(0, length).toWord());
            }
            kernel.context().setState(thread, ThreadState.RUNNING);
        }
    }

    /** seL4 replyFromKernel_error: label = the error, MRs describe it, badge 0. */
    private static void replyError(Tcb thread, SyscallError error) {
        IpcBuffer buffer = IpcBuffer.of(thread, IpcBuffer.Use.RECEIVE);
        int length = MessageRegisters.setAll(thread, buffer, error.registers());
        thread.registers().set(MessageRegisters.BADGE, 0);
        thread.registers().set(MessageRegisters.INFO, MessageInfo.of(error.error().code(), length).toWord());
    }

    /** seL4 handleRecv: the cap at a0 must be an endpoint or notification this thread may receive on. */
    private void receive(Tcb thread, boolean blocking) {
        long cptr = thread.registers().get(MessageRegisters.BADGE);
        Capability cap;
        try {
            cap = CSpace.lookupCap(thread, cptr);
        } catch (LookupException e) {
            kernel.faults().handleFault(thread, new Fault.CapFault(thread.faultIp(), cptr, true, e.failure()));
            return;
        }
        switch (cap) {
            case EndpointCap ep when ep.rights().read() -> {
                kernel.ipc().deleteCallerCap(thread);
                kernel.ipc().receive(thread, ep, blocking);
            }
            case NotificationCap n when n.rights().read()
                    && (n.notification().boundTcb() == null || n.notification().boundTcb() == thread) ->
                    kernel.signals().receive(thread, n, blocking);
            default -> kernel.faults().handleFault(thread, new Fault.CapFault(thread.faultIp(), cptr, true,
                    new LookupFailure.MissingCapability(0)));
        }
    }

    /** seL4 handleReply: answers through the caller slot; an empty slot does nothing. */
    private void reply(Tcb thread) {
        Cte caller = thread.slot(TcbSlot.CALLER);
        if (caller.cap() instanceof ReplyCap r && !r.master()) {
            kernel.ipc().reply(thread, caller, r);
        }
    }
}
