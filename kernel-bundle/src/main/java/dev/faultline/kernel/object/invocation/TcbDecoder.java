package dev.faultline.kernel.object.invocation;

import dev.faultline.kernel.api.InvocationLabel;
import dev.faultline.kernel.api.SyscallError;
import dev.faultline.kernel.arch.riscv64.UserContext;
import dev.faultline.kernel.object.Capability;
import dev.faultline.kernel.object.Capability.NotificationCap;
import dev.faultline.kernel.object.Capability.TcbCap;
import dev.faultline.kernel.object.Notification;
import dev.faultline.kernel.object.Tcb;

/**
 * TCB invocations (seL4 decodeTCBInvocation, src/object/tcb.c; SEL4/Object/TCB), decoded into
 * actions that can no longer fail. Configure, SetSpace and SetIPCBuffer are in {@link ThreadSetup}.
 */
public final class TcbDecoder {

    private static final int SUSPEND_OR_RESUME = 1;

    private TcbDecoder() {
    }

    public static Invocation decode(InvocationRequest request, TcbCap cap, KernelServices services) throws SyscallError {
        Tcb target = cap.tcb();
        InvocationLabel label = InvocationLabel.fromNumber(request.label());
        if (label == null) {
            throw SyscallError.illegalOperation("no invocation has label " + request.label());
        }
        return switch (label) {
            case TCB_READ_REGISTERS -> readRegisters(request, target, services);
            case TCB_WRITE_REGISTERS -> writeRegisters(request, target, services);
            case TCB_COPY_REGISTERS -> copyRegisters(request, target, services);
            case TCB_CONFIGURE -> ThreadSetup.configure(request, target, services);
            case TCB_SET_SPACE -> ThreadSetup.setSpace(request, target, services);
            case TCB_SET_IPC_BUFFER -> ThreadSetup.setIpcBuffer(request, target, services);
            case TCB_SET_PRIORITY -> setPriority(request, target, services);
            case TCB_SET_MC_PRIORITY -> setMaxControlledPriority(request, target);
            case TCB_SET_SCHED_PARAMS -> setSchedParams(request, target, services);
            case TCB_SUSPEND -> () -> {
                services.threads().suspend(target);
                return Invocation.NO_REPLY;
            };
            case TCB_RESUME -> () -> {
                services.threads().restart(target);
                return Invocation.NO_REPLY;
            };
            case TCB_BIND_NOTIFICATION -> bindNotification(request, target, services);
            case TCB_UNBIND_NOTIFICATION -> {
                if (target.boundNotification() == null) {
                    throw SyscallError.illegalOperation(target.label() + " has no bound notification");
                }
                yield () -> {
                    services.signals().unbind(target);
                    return Invocation.NO_REPLY;
                };
            }
            case TCB_SET_TLS_BASE -> {
                requireLength(request, 1, "SetTLSBase needs the base");
                long base = request.mr(0);
                yield () -> {
                    target.registers().set(4, base);
                    return Invocation.NO_REPLY;
                };
            }
            case TCB_SET_FLAGS -> setFlags(request, target);
            default -> throw SyscallError.illegalOperation(label + " is not a TCB invocation");
        };
    }

    static void requireLength(InvocationRequest request, int length, String what) throws SyscallError {
        if (request.length() < length) {
            throw SyscallError.truncatedMessage(what + " (length " + request.length() + ")");
        }
    }

    private static Invocation readRegisters(InvocationRequest request, Tcb target, KernelServices services)
            throws SyscallError {
        requireLength(request, 2, "ReadRegisters needs flags and a count");
        boolean suspend = (request.mr(0) & SUSPEND_OR_RESUME) != 0;
        long count = request.mr(1);
        if (count < 1 || count > UserContext.WORDS) {
            throw SyscallError.rangeError(1, UserContext.WORDS, "cannot read " + count + " registers");
        }
        if (target == request.caller()) {
            throw SyscallError.illegalOperation("a thread cannot read its own registers");
        }
        return () -> {
            if (suspend) {
                services.threads().suspend(target);
            }
            long[] words = new long[(int) count];
            for (int i = 0; i < count; i++) {
                words[i] = UserContext.read(target, i);
            }
            return words;
        };
    }

    private static Invocation writeRegisters(InvocationRequest request, Tcb target, KernelServices services)
            throws SyscallError {
        requireLength(request, 2, "WriteRegisters needs flags and a count");
        boolean resume = (request.mr(0) & SUSPEND_OR_RESUME) != 0;
        long count = request.mr(1);
        // count is a word: seL4 compares it unsigned, so a huge one is a truncated message.
        if (Long.compareUnsigned(request.length() - 2, count) < 0) {
            throw SyscallError.truncatedMessage("WriteRegisters of " + count + " words sent only " + (request.length() - 2));
        }
        if (target == request.caller()) {
            throw SyscallError.illegalOperation("a thread cannot write its own registers");
        }
        int n = (int) Math.min(count, UserContext.WORDS);
        long[] words = new long[n];
        for (int i = 0; i < n; i++) {
            words[i] = request.mr(2 + i);
        }
        return () -> {
            for (int i = 0; i < n; i++) {
                UserContext.write(target, i, words[i]);
            }
            target.registers().setPc(target.faultIp());
            if (resume) {
                services.threads().restart(target);
            }
            return Invocation.NO_REPLY;
        };
    }

    private static Invocation copyRegisters(InvocationRequest request, Tcb target, KernelServices services)
            throws SyscallError {
        if (request.length() < 1 || request.extraCaps().isEmpty()) {
            throw SyscallError.truncatedMessage("CopyRegisters needs flags and the source TCB");
        }
        if (!(request.extraCap(0) instanceof TcbCap source)) {
            throw SyscallError.invalidCapability(1, "the source is not a TCB: " + request.extraCap(0));
        }
        long flags = request.mr(0);
        return () -> {
            if ((flags & 1) != 0) {
                services.threads().suspend(source.tcb());
            }
            if ((flags & 2) != 0) {
                services.threads().restart(target);
            }
            if ((flags & 4) != 0) {
                copy(source.tcb(), target, 0, UserContext.FRAME_WORDS);
                target.registers().setPc(target.faultIp());
            }
            if ((flags & 8) != 0) {
                copy(source.tcb(), target, UserContext.FRAME_WORDS, UserContext.WORDS);
            }
            if (target == services.context().scheduler().current()) {
                services.context().scheduler().rescheduleRequired();
            }
            return Invocation.NO_REPLY;
        };
    }

    private static void copy(Tcb from, Tcb to, int first, int end) {
        for (int i = first; i < end; i++) {
            UserContext.write(to, i, UserContext.read(from, i));
        }
    }

    /** seL4 checkPrio: a priority may not exceed the authority's maximum controlled priority. */
    private static Tcb authority(InvocationRequest request, long priority) throws SyscallError {
        if (!(request.extraCap(0) instanceof TcbCap authority)) {
            throw SyscallError.invalidCapability(1, "the authority is not a TCB: " + request.extraCap(0));
        }
        int mcp = authority.tcb().maxControlledPriority();
        if (priority > mcp || priority < 0) {
            throw SyscallError.rangeError(0, mcp, "priority " + priority + " is above the authority's MCP " + mcp);
        }
        return authority.tcb();
    }

    private static Invocation setPriority(InvocationRequest request, Tcb target, KernelServices services)
            throws SyscallError {
        if (request.length() < 1 || request.extraCaps().isEmpty()) {
            throw SyscallError.truncatedMessage("SetPriority needs a priority and the authority");
        }
        long priority = request.mr(0);
        authority(request, priority);
        return () -> {
            services.threads().setPriority(target, (int) priority);
            return Invocation.NO_REPLY;
        };
    }

    private static Invocation setMaxControlledPriority(InvocationRequest request, Tcb target) throws SyscallError {
        if (request.length() < 1 || request.extraCaps().isEmpty()) {
            throw SyscallError.truncatedMessage("SetMCPriority needs a priority and the authority");
        }
        long mcp = request.mr(0);
        authority(request, mcp);
        return () -> {
            target.setMaxControlledPriority((int) mcp);
            return Invocation.NO_REPLY;
        };
    }

    private static Invocation setSchedParams(InvocationRequest request, Tcb target, KernelServices services)
            throws SyscallError {
        if (request.length() < 2 || request.extraCaps().isEmpty()) {
            throw SyscallError.truncatedMessage("SetSchedParams needs an MCP, a priority and the authority");
        }
        long mcp = request.mr(0);
        long priority = request.mr(1);
        authority(request, mcp);
        authority(request, priority);
        return () -> {
            target.setMaxControlledPriority((int) mcp);
            services.threads().setPriority(target, (int) priority);
            return Invocation.NO_REPLY;
        };
    }

    private static Invocation bindNotification(InvocationRequest request, Tcb target, KernelServices services)
            throws SyscallError {
        if (request.extraCaps().isEmpty()) {
            throw SyscallError.truncatedMessage("BindNotification needs the notification cap");
        }
        if (target.boundNotification() != null) {
            throw SyscallError.illegalOperation(target.label() + " already has a bound notification");
        }
        Capability cap = request.extraCap(0);
        if (!(cap instanceof NotificationCap ntfn)) {
            throw SyscallError.invalidCapability(1, "not a notification: " + cap);
        }
        Notification notification = ntfn.notification();
        if (!ntfn.rights().read()) {
            throw SyscallError.illegalOperation("the notification cap cannot receive");
        }
        if (notification.boundTcb() != null || notification.state() == Notification.State.WAITING) {
            throw SyscallError.illegalOperation(notification.label() + " is bound or has waiting threads");
        }
        return () -> {
            services.signals().bind(target, notification);
            return Invocation.NO_REPLY;
        };
    }

    private static Invocation setFlags(InvocationRequest request, Tcb target) throws SyscallError {
        requireLength(request, 2, "SetFlags needs the flags to clear and to set");
        long clear = request.mr(0);
        long set = request.mr(1);
        return () -> {
            // seL4 defines one flag, fpuDisabled (1); an RV64IMAC hart has no FPU for it to act on.
            target.setFlags((target.flags() & ~clear | set) & 1);
            return new long[] {target.flags()};
        };
    }
}
