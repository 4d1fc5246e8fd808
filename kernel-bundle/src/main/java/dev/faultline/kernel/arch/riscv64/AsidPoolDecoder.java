package dev.faultline.kernel.arch.riscv64;

import dev.faultline.kernel.api.InvocationLabel;
import dev.faultline.kernel.api.LookupFailure;
import dev.faultline.kernel.api.SyscallError;
import dev.faultline.kernel.object.AsidPool;
import dev.faultline.kernel.object.Capability.AsidPoolCap;
import dev.faultline.kernel.object.Capability.PageTableCap;
import dev.faultline.kernel.object.Cte;
import dev.faultline.kernel.object.PageTable;
import dev.faultline.kernel.object.invocation.Invocation;
import dev.faultline.kernel.object.invocation.InvocationRequest;
import dev.faultline.kernel.object.invocation.KernelServices;

/**
 * RISCV_ASIDPool_Assign (seL4 decodeRISCVMMUInvocation's ASID-pool case and
 * performASIDPoolInvocation, src/arch/riscv/kernel/vspace.c): an unmapped page table becomes a
 * VSpace root with the pool's first free ASID; its cap records the ASID and that it is mapped.
 */
public final class AsidPoolDecoder {

    private AsidPoolDecoder() {
    }

    public static Invocation decode(InvocationRequest request, AsidPoolCap cap, AsidTable asids, KernelServices services)
            throws SyscallError {
        if (request.label() != InvocationLabel.RISCV_ASID_POOL_ASSIGN.number()) {
            throw SyscallError.illegalOperation("an ASID pool only assigns, got label " + request.label());
        }
        if (request.extraCaps().isEmpty()) {
            throw SyscallError.truncatedMessage("Assign needs the page table");
        }
        Cte tableSlot = request.extraSlot(0);
        if (!(tableSlot.cap() instanceof PageTableCap table) || table.mapped()) {
            throw SyscallError.invalidCapability(1, "only an unmapped page table can become a VSpace root, not "
                    + tableSlot.cap());
        }
        AsidPool pool = asids.pool((int) (cap.asidBase() >>> AsidTable.INDEX_BITS));
        if (pool == null) {
            throw SyscallError.failedLookup(false, new LookupFailure.InvalidRoot(),
                    "no pool serves ASIDs from " + cap.asidBase());
        }
        if (pool != cap.pool()) {
            throw SyscallError.invalidCapability(0, "another pool serves ASIDs from " + cap.asidBase());
        }
        int index = freeIndex(pool, cap.asidBase());
        if (index < 0) {
            throw SyscallError.deleteFirst("every ASID of " + pool.label() + " is in use");
        }
        long asid = cap.asidBase() + index;
        PageTable root = table.table();
        PageTableCap assigned = new PageTableCap(root, asid, 0, true);
        return () -> {
            tableSlot.update(assigned);
            pool.setRoot(index, root);
            VSpace.assign(root, asid);
            VSpaceJournal.record(services, request, "assign asid", tableSlot, assigned);
            return Invocation.NO_REPLY;
        };
    }

    /** The first entry free for a new ASID; ASID 0 is never given out. */
    private static int freeIndex(AsidPool pool, long asidBase) {
        for (int i = 0; i < AsidPool.ENTRIES; i++) {
            if (asidBase + i != 0 && pool.root(i) == null) {
                return i;
            }
        }
        return -1;
    }
}
