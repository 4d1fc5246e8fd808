package dev.faultline.kernel.arch.riscv64;

import dev.faultline.emulator.memory.AddressSpace;
import dev.faultline.kernel.api.LookupFailure;
import dev.faultline.kernel.api.SyscallError;
import dev.faultline.kernel.object.Capability;
import dev.faultline.kernel.object.Capability.PageTableCap;
import dev.faultline.kernel.object.PageTable;
import dev.faultline.kernel.object.Tcb;
import dev.faultline.kernel.object.TcbSlot;

/**
 * Which root page table a VSpace cap names, as seL4 riscv asks it (vspace.c): through the cap's
 * ASID (findVSpaceForASID), for an invocation's vspace argument or for the address space a
 * thread runs in (setVMRoot). A cap whose ASID names another table, or nothing, names no VSpace.
 */
public final class VmRoot {

    private VmRoot() {
    }

    /** The vspace argument of a map invocation (extra cap 0) must be a page-table cap that is mapped. */
    public static PageTableCap requireMappedTable(Capability cap, String invocation) throws SyscallError {
        if (!(cap instanceof PageTableCap table) || !table.mapped()) {
            throw SyscallError.invalidCapability(1, invocation + ": the vspace is not a mapped page table: " + cap);
        }
        return table;
    }

    /**
     * The root the cap's ASID names: FailedLookup (invalid root) when the ASID names nothing,
     * InvalidCapability 1 when it names another table than the cap's.
     */
    public static PageTable findVSpaceForAsid(AsidTable asids, PageTableCap vspace, String invocation)
            throws SyscallError {
        PageTable root = asids.root(vspace.mappedAsid());
        if (root == null) {
            throw SyscallError.failedLookup(false, new LookupFailure.InvalidRoot(),
                    invocation + ": ASID " + vspace.mappedAsid() + " names no VSpace");
        }
        if (root != vspace.table()) {
            throw SyscallError.invalidCapability(1, invocation + ": ASID " + vspace.mappedAsid() + " names "
                    + root.label() + ", not " + vspace.table().label());
        }
        return root;
    }

    /**
     * seL4 setVMRoot: the address space thread runs in: its VSpace root's, if the root's ASID
     * still names it; otherwise null, where seL4 runs the thread on the kernel's own page table
     * and its first fetch faults.
     */
    public static AddressSpace addressSpaceOf(Tcb thread, AsidTable asids) {
        if (!(thread.slot(TcbSlot.VSPACE_ROOT).cap() instanceof PageTableCap cap) || !cap.mapped()) {
            return null;
        }
        PageTable root = asids.root(cap.mappedAsid());
        return root == cap.table() ? root.addressSpace() : null;
    }
}
