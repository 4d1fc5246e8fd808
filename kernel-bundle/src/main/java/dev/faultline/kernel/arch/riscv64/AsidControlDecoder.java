package dev.faultline.kernel.arch.riscv64;

import dev.faultline.kernel.api.InvocationLabel;
import dev.faultline.kernel.api.SyscallError;
import dev.faultline.kernel.cspace.CSpace;
import dev.faultline.kernel.cspace.CSpace.CNodeOperand;
import dev.faultline.kernel.journal.KernelEvent;
import dev.faultline.kernel.object.AsidPool;
import dev.faultline.kernel.object.Capability;
import dev.faultline.kernel.object.Capability.AsidPoolCap;
import dev.faultline.kernel.object.Capability.UntypedCap;
import dev.faultline.kernel.object.Cdt;
import dev.faultline.kernel.object.Cte;
import dev.faultline.kernel.object.invocation.Invocation;
import dev.faultline.kernel.object.invocation.InvocationRequest;
import dev.faultline.kernel.object.invocation.KernelServices;

/**
 * RISCV_ASIDControl_MakePool (seL4 decodeRISCVMMUInvocation's ASID-control case and
 * performASIDControlInvocation, src/arch/riscv/kernel/vspace.c): a 4 KiB untyped with no
 * children becomes the ASID pool of the first free slot of the ASID table, as its child.
 */
public final class AsidControlDecoder {

    /** seL4_ASIDPoolBits: the size of the untyped a pool is made from. */
    static final int POOL_BITS = 12;

    private AsidControlDecoder() {
    }

    public static Invocation decode(InvocationRequest request, AsidTable asids, KernelServices services)
            throws SyscallError {
        if (request.label() != InvocationLabel.RISCV_ASID_CONTROL_MAKE_POOL.number()) {
            throw SyscallError.illegalOperation("ASID control only makes pools, got label " + request.label());
        }
        if (request.length() < 2 || request.extraCaps().size() < 2) {
            throw SyscallError.truncatedMessage("MakePool needs an index, a depth, the untyped and the root");
        }
        long index = request.mr(0);
        long depth = request.mr(1);
        Cte parent = request.extraSlot(0);
        Capability root = request.extraCap(1);
        int poolIndex = asids.freePoolIndex();
        if (poolIndex < 0) {
            throw SyscallError.deleteFirst("all " + (1 << AsidTable.POOL_BITS) + " ASID pools exist");
        }
        if (!(parent.cap() instanceof UntypedCap untyped) || untyped.untyped().sizeBits() != POOL_BITS
                || untyped.untyped().isDevice()) {
            throw SyscallError.invalidCapability(1, "a pool needs a 4 KiB untyped of normal memory, not " + parent.cap());
        }
        if (Cdt.hasChildren(parent)) {
            throw SyscallError.revokeFirst("the untyped in " + parent + " has children");
        }
        Cte destination = CSpace.lookupSlotForCNodeOp(CNodeOperand.DESTINATION, root, index, depth);
        if (!destination.isEmpty()) {
            throw SyscallError.deleteFirst(destination + " holds " + destination.cap());
        }
        long asidBase = (long) poolIndex << AsidTable.INDEX_BITS;
        return () -> {
            // The whole untyped is used: it can make nothing else while the pool lives.
            parent.update(untyped.withFreeIndex(untyped.untyped().sizeBytes()));
            long address = untyped.untyped().physicalAddress();
            AsidPool pool = services.objects().register(id -> new AsidPool(id, address));
            AsidPoolCap cap = new AsidPoolCap(pool, asidBase);
            Cdt.insert(cap, parent, destination);
            asids.setPool(poolIndex, pool);
            if (services.context().journalling()) {
                services.context().record(new KernelEvent.ObjectCreated(services.context().now(), pool.id(), pool.type(),
                        address, POOL_BITS, untyped.untyped().id()));
            }
            VSpaceJournal.record(services, request, "make asid pool", destination, cap);
            return Invocation.NO_REPLY;
        };
    }
}
