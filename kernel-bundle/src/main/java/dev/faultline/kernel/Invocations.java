package dev.faultline.kernel;

import dev.faultline.kernel.api.InvocationLabel;
import dev.faultline.kernel.api.SyscallError;
import dev.faultline.kernel.arch.riscv64.AsidControlDecoder;
import dev.faultline.kernel.arch.riscv64.AsidPoolDecoder;
import dev.faultline.kernel.arch.riscv64.FrameDecoder;
import dev.faultline.kernel.arch.riscv64.PageTableDecoder;
import dev.faultline.kernel.interrupt.IrqInvocations;
import dev.faultline.kernel.object.Capability;
import dev.faultline.kernel.object.Capability.AsidControlCap;
import dev.faultline.kernel.object.Capability.AsidPoolCap;
import dev.faultline.kernel.object.Capability.CNodeCap;
import dev.faultline.kernel.object.Capability.DomainCap;
import dev.faultline.kernel.object.Capability.FrameCap;
import dev.faultline.kernel.object.Capability.PageTableCap;
import dev.faultline.kernel.object.Capability.TcbCap;
import dev.faultline.kernel.object.Capability.UntypedCap;
import dev.faultline.kernel.object.invocation.CNodeDecoder;
import dev.faultline.kernel.object.invocation.Invocation;
import dev.faultline.kernel.object.invocation.InvocationRequest;
import dev.faultline.kernel.object.invocation.TcbDecoder;
import dev.faultline.kernel.object.invocation.UntypedDecoder;

/** seL4 decodeInvocation: which decoder a kernel-object invocation goes to, by the invoked cap's type. */
final class Invocations {

    /** CONFIG_NUM_DOMAINS. */
    static final int DOMAINS = 1;

    private final Kernel kernel;

    Invocations(Kernel kernel) {
        this.kernel = kernel;
    }

    Invocation decode(InvocationRequest request) throws SyscallError {
        Capability cap = request.cap();
        return switch (cap) {
            case UntypedCap u -> UntypedDecoder.decode(request, u, kernel.services());
            case TcbCap t -> TcbDecoder.decode(request, t, kernel.services());
            case CNodeCap c -> CNodeDecoder.decode(request, c, kernel.services());
            case DomainCap d -> domain(request);
            case Capability.IrqControlCap c -> IrqInvocations.decodeControl(request, kernel.interrupts());
            case Capability.IrqHandlerCap h -> IrqInvocations.decodeHandler(request, h, kernel.interrupts(), kernel.services());
            case PageTableCap p -> PageTableDecoder.decode(request, p, kernel.asids(), kernel.services());
            case FrameCap f -> FrameDecoder.decode(request, f, kernel.asids(), kernel.services());
            case AsidControlCap c -> AsidControlDecoder.decode(request, kernel.asids(), kernel.services());
            case AsidPoolCap a -> AsidPoolDecoder.decode(request, a, kernel.asids(), kernel.services());
            case Capability.NullCap n -> throw SyscallError.invalidCapability(0, "the cap invoked is null");
            case Capability.EndpointCap e -> throw SyscallError.invalidCapability(0, "the endpoint cap cannot send: " + e);
            case Capability.NotificationCap n -> throw SyscallError.invalidCapability(0, "the notification cap cannot send: " + n);
            case Capability.ReplyCap r -> throw SyscallError.invalidCapability(0, "a master reply cap cannot be invoked");
            default -> throw SyscallError.illegalOperation(cap + " takes no invocations");
        };
    }

    /** DomainSet_Set: only domain 0 exists (CONFIG_NUM_DOMAINS = 1). */
    private Invocation domain(InvocationRequest request) throws SyscallError {
        if (request.label() != InvocationLabel.DOMAIN_SET_SET.number()) {
            throw SyscallError.illegalOperation("the domain cap only sets domains");
        }
        if (request.length() < 1) {
            throw SyscallError.truncatedMessage("DomainSet_Set needs a domain");
        }
        long domain = request.mr(0) & 0xff;
        if (domain >= DOMAINS) {
            throw SyscallError.invalidArgument(0, "domain " + domain + " does not exist (there is " + DOMAINS + ")");
        }
        if (request.extraCaps().isEmpty()) {
            throw SyscallError.truncatedMessage("DomainSet_Set needs the thread");
        }
        if (!(request.extraCap(0) instanceof TcbCap tcb)) {
            throw SyscallError.invalidCapability(1, "not a thread: " + request.extraCap(0));
        }
        return () -> {
            tcb.tcb().setDomain((int) domain);
            return Invocation.NO_REPLY;
        };
    }
}
