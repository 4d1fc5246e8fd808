package dev.faultline.kernel.object.invocation;

import java.util.ArrayList;
import java.util.List;

import dev.faultline.kernel.api.InvocationLabel;
import dev.faultline.kernel.api.LookupFailure;
import dev.faultline.kernel.api.ObjectType;
import dev.faultline.kernel.api.SyscallError;
import dev.faultline.kernel.cspace.CSpace;
import dev.faultline.kernel.journal.KernelEvent;
import dev.faultline.kernel.object.Capability;
import dev.faultline.kernel.object.Capability.CNodeCap;
import dev.faultline.kernel.object.Capability.UntypedCap;
import dev.faultline.kernel.object.Cdt;
import dev.faultline.kernel.object.Cte;

/**
 * Untyped_Retype (seL4 decodeUntypedInvocation and invokeUntyped_Retype, src/object/untyped.c):
 * carves num objects of one type, aligned to their size, from the untyped's free space into
 * empty slots of a CNode, as the untyped's children.
 */
public final class UntypedDecoder {

    /** seL4_MaxUntypedBits and seL4_MinUntypedBits. */
    public static final int MAX_UNTYPED_BITS = 38;
    public static final int MIN_UNTYPED_BITS = 4;
    /** CONFIG_RETYPE_FAN_OUT_LIMIT. */
    public static final int MAX_OBJECTS = 256;

    private UntypedDecoder() {
    }

    public static Invocation decode(InvocationRequest request, UntypedCap cap, KernelServices services) throws SyscallError {
        if (request.label() != InvocationLabel.UNTYPED_RETYPE.number()) {
            throw SyscallError.illegalOperation("an untyped cap only retypes, got label " + request.label());
        }
        if (request.length() < 6 || request.extraCaps().isEmpty()) {
            throw SyscallError.truncatedMessage("Retype needs 6 words and the root CNode cap");
        }
        ObjectType type = ObjectType.fromNumber(request.mr(0));
        long userSize = request.mr(1);
        long nodeIndex = request.mr(2);
        long nodeDepth = request.mr(3);
        long nodeOffset = request.mr(4);
        long count = request.mr(5);
        if (type == null) {
            throw SyscallError.invalidArgument(0, "object type " + request.mr(0) + " does not exist");
        }
        // Arguments are words: seL4 compares them unsigned, so a "negative" one is just too large.
        if (Long.compareUnsigned(userSize, 64) >= 0 || type.sizeBits(userSize) > MAX_UNTYPED_BITS) {
            throw SyscallError.rangeError(0, MAX_UNTYPED_BITS, "object size " + userSize + " is too large");
        }
        int objectBits = type.sizeBits(userSize);
        if (type == ObjectType.CAP_TABLE && userSize == 0) {
            throw SyscallError.invalidArgument(1, "a CNode needs at least one bit of radix");
        }
        if (type == ObjectType.UNTYPED && userSize < MIN_UNTYPED_BITS) {
            throw SyscallError.invalidArgument(1, "an untyped needs at least " + MIN_UNTYPED_BITS + " bits");
        }
        CNodeCap node = destination(request, nodeIndex, nodeDepth);
        long nodeSize = node.cnode().size();
        if (Long.compareUnsigned(nodeOffset, nodeSize - 1) > 0) {
            throw SyscallError.rangeError(0, nodeSize - 1, "offset " + nodeOffset + " is outside the CNode");
        }
        if (count < 1 || count > MAX_OBJECTS) {
            throw SyscallError.rangeError(1, MAX_OBJECTS, "cannot make " + count + " objects at once");
        }
        if (count > nodeSize - nodeOffset) {
            throw SyscallError.rangeError(1, nodeSize - nodeOffset, count + " objects do not fit from slot " + nodeOffset);
        }
        List<Cte> slots = new ArrayList<>((int) count);
        for (long i = nodeOffset; i < nodeOffset + count; i++) {
            Cte slot = node.cnode().slot(i);
            if (!slot.isEmpty()) {
                throw SyscallError.deleteFirst("destination slot " + i + " holds " + slot.cap());
            }
            slots.add(slot);
        }
        // No children: the untyped starts over from its beginning (seL4 resets it).
        boolean reset = !Cdt.hasChildren(request.slot());
        long freeIndex = reset ? 0 : cap.freeIndex();
        long base = cap.untyped().physicalAddress();
        long free = cap.untyped().sizeBytes() - freeIndex;
        long alignedStart = alignUp(base + freeIndex, objectBits);
        long needed = (alignedStart - base - freeIndex) + (count << objectBits);
        if (needed > free || alignedStart < base) {
            throw SyscallError.notEnoughMemory(free, "needs " + needed + " bytes, " + free + " are free");
        }
        if (cap.untyped().isDevice() && !type.name().endsWith("PAGE") && type != ObjectType.UNTYPED) {
            throw SyscallError.invalidArgument(1, "device memory only becomes frames or untypeds");
        }
        return () -> {
            long newFree = alignedStart + (count << objectBits) - base;
            request.slot().update(cap.withFreeIndex(newFree));
            for (int i = 0; i < count; i++) {
                long address = alignedStart + ((long) i << objectBits);
                Capability made = services.objects().create(type, address, userSize, cap.untyped().isDevice(),
                        request.caller().name());
                Cdt.insertNew(made, request.slot(), slots.get(i));
                if (services.context().journalling()) {
                    services.context().record(new KernelEvent.ObjectCreated(services.context().now(), made.object().id(),
                            type, address, objectBits, cap.untyped().id()));
                }
            }
            return Invocation.NO_REPLY;
        };
    }

    /** The CNode objects go into: the root itself at depth 0, else the CNode cap found from it. */
    private static CNodeCap destination(InvocationRequest request, long index, long depth) throws SyscallError {
        Capability root = request.extraCap(0);
        Capability node = root;
        if (depth != 0) {
            node = CSpace.lookupSlotForCNodeOp(CSpace.CNodeOperand.DESTINATION, root, index, depth).cap();
        }
        if (!(node instanceof CNodeCap cnode)) {
            throw SyscallError.failedLookup(false, new LookupFailure.MissingCapability((int) depth),
                    "the destination is not a CNode: " + node);
        }
        return cnode;
    }

    static long alignUp(long address, int bits) {
        long mask = (1L << bits) - 1;
        return (address + mask) & ~mask;
    }
}
