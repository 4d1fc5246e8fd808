package dev.faultline.kernel.object.invocation;

import dev.faultline.kernel.api.CapRights;
import dev.faultline.kernel.api.InvocationLabel;
import dev.faultline.kernel.api.LookupFailure;
import dev.faultline.kernel.api.SyscallError;
import dev.faultline.kernel.cspace.CSpace;
import dev.faultline.kernel.cspace.CSpace.CNodeOperand;
import dev.faultline.kernel.journal.KernelEvent;
import dev.faultline.kernel.object.Capability;
import dev.faultline.kernel.object.Capability.CNodeCap;
import dev.faultline.kernel.object.Capability.EndpointCap;
import dev.faultline.kernel.object.Capability.ReplyCap;
import dev.faultline.kernel.object.Cdt;
import dev.faultline.kernel.object.Cte;
import dev.faultline.kernel.object.TcbSlot;

/**
 * CNode invocations (seL4 decodeCNodeInvocation, src/object/cnode.c; SEL4/Object/CNode): the
 * destination slot first, then the source; copies are derived, masked and badged; moves keep
 * the cap's place in the derivation tree.
 */
public final class CNodeDecoder {

    private CNodeDecoder() {
    }

    public static Invocation decode(InvocationRequest request, CNodeCap cap, KernelServices services) throws SyscallError {
        InvocationLabel label = InvocationLabel.fromNumber(request.label());
        if (label == null || !label.name().startsWith("CNODE_")) {
            throw SyscallError.illegalOperation("label " + request.label() + " is not a CNode invocation");
        }
        TcbDecoder.requireLength(request, 2, label + " needs an index and a depth");
        Cte destination = CSpace.lookupSlotForCNodeOp(CNodeOperand.DESTINATION, cap, request.mr(0), request.mr(1));
        return switch (label) {
            case CNODE_COPY, CNODE_MINT, CNODE_MOVE, CNODE_MUTATE -> copyOrMove(request, label, destination, services);
            case CNODE_REVOKE -> () -> {
                Cdt.revoke(destination, services.context().finaliser());
                journal(services, request, "revoke", destination, null, destination.cap());
                return Invocation.NO_REPLY;
            };
            case CNODE_DELETE -> () -> {
                Capability deleted = destination.cap();
                Cdt.delete(destination, services.context().finaliser());
                journal(services, request, "delete", destination, null, deleted);
                return Invocation.NO_REPLY;
            };
            case CNODE_SAVE_CALLER -> saveCaller(request, destination, services);
            case CNODE_CANCEL_BADGED_SENDS -> cancelBadgedSends(destination, services);
            case CNODE_ROTATE -> Rotation.decode(request, destination, services);
            default -> throw SyscallError.illegalOperation(label + " is not a CNode invocation");
        };
    }

    private static Invocation copyOrMove(InvocationRequest request, InvocationLabel label, Cte destination,
            KernelServices services) throws SyscallError {
        if (request.length() < 4 || request.extraCaps().isEmpty()) {
            throw SyscallError.truncatedMessage(label + " needs 4 words and the source root");
        }
        ensureEmpty(destination);
        Cte source = sourceSlot(request.extraCap(0), request.mr(2), request.mr(3));
        Capability cap = switch (label) {
            case CNODE_COPY -> {
                TcbDecoder.requireLength(request, 5, "Copy needs the rights");
                yield derived(source, Cdt.maskRights(CapRights.fromWord(request.mr(4)), source.cap()));
            }
            case CNODE_MINT -> {
                TcbDecoder.requireLength(request, 6, "Mint needs the rights and the badge");
                Capability masked = Cdt.maskRights(CapRights.fromWord(request.mr(4)), source.cap());
                yield derived(source, Cdt.updateCapData(Cdt.BadgeUse.SET, request.mr(5), masked));
            }
            case CNODE_MUTATE -> {
                TcbDecoder.requireLength(request, 5, "Mutate needs the cap data");
                Capability mutated = Cdt.updateCapData(Cdt.BadgeUse.PRESERVE, request.mr(4), source.cap());
                if (mutated.isNull()) {
                    throw SyscallError.illegalOperation("the cap data does not apply to " + source.cap());
                }
                yield mutated;
            }
            default -> source.cap();
        };
        boolean move = label == InvocationLabel.CNODE_MOVE || label == InvocationLabel.CNODE_MUTATE;
        String operation = label.name().substring("CNODE_".length()).toLowerCase();
        return () -> {
            if (move) {
                Cdt.move(cap, source, destination);
            } else {
                Cdt.insert(cap, source, destination);
            }
            journal(services, request, operation, source, destination, cap);
            return Invocation.NO_REPLY;
        };
    }

    /** Derives the copy; a cap that cannot be copied (null after deriving) is an illegal operation. */
    private static Capability derived(Cte source, Capability cap) throws SyscallError {
        if (cap.isNull()) {
            throw SyscallError.illegalOperation("the source cap cannot be minted with that badge: " + source.cap());
        }
        Capability derived = Cdt.derive(source, cap);
        if (derived.isNull()) {
            throw SyscallError.illegalOperation("the source cap cannot be copied: " + source.cap());
        }
        return derived;
    }

    static void ensureEmpty(Cte destination) throws SyscallError {
        if (!destination.isEmpty()) {
            throw SyscallError.deleteFirst(destination + " holds " + destination.cap());
        }
    }

    /** The source slot: looked up as a source, and it must hold a cap. */
    static Cte sourceSlot(Capability root, long index, long depth) throws SyscallError {
        Cte source = CSpace.lookupSlotForCNodeOp(CNodeOperand.SOURCE, root, index, depth);
        if (source.isEmpty()) {
            throw SyscallError.failedLookup(true, new LookupFailure.MissingCapability((int) depth),
                    "the source slot 0x" + Long.toHexString(index) + " is empty");
        }
        return source;
    }

    private static Invocation saveCaller(InvocationRequest request, Cte destination, KernelServices services)
            throws SyscallError {
        ensureEmpty(destination);
        return () -> {
            Cte caller = request.caller().slot(TcbSlot.CALLER);
            if (caller.cap() instanceof ReplyCap reply) {
                Cdt.move(reply, caller, destination);
                journal(services, request, "save caller", caller, destination, reply);
            }
            return Invocation.NO_REPLY;
        };
    }

    private static Invocation cancelBadgedSends(Cte destination, KernelServices services) throws SyscallError {
        if (!(destination.cap() instanceof EndpointCap ep) || ep.rights().bits() != CapRights.ALL.bits()) {
            throw SyscallError.illegalOperation("CancelBadgedSends needs an endpoint cap with all rights, not "
                    + destination.cap());
        }
        return () -> {
            if (ep.badge() != 0) {
                services.ipc().cancelBadgedSends(ep.endpoint(), ep.badge());
            }
            return Invocation.NO_REPLY;
        };
    }

    static void journal(KernelServices services, InvocationRequest request, String operation, Cte source, Cte destination,
            Capability cap) {
        if (services.context().journalling()) {
            services.context().record(new KernelEvent.CapOperation(services.context().now(), request.caller().id(), operation,
                    source == null ? "" : source.toString(), destination == null ? "" : destination.toString(),
                    String.valueOf(cap)));
        }
    }
}
