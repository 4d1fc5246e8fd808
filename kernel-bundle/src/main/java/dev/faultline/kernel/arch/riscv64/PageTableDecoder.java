package dev.faultline.kernel.arch.riscv64;

import dev.faultline.kernel.api.InvocationLabel;
import dev.faultline.kernel.api.SyscallError;
import dev.faultline.kernel.object.Capability.PageTableCap;
import dev.faultline.kernel.object.Cdt;
import dev.faultline.kernel.object.Cte;
import dev.faultline.kernel.object.PageTable;
import dev.faultline.kernel.object.invocation.Invocation;
import dev.faultline.kernel.object.invocation.InvocationRequest;
import dev.faultline.kernel.object.invocation.KernelServices;

/**
 * RISCV_PageTable_Map and RISCV_PageTable_Unmap (seL4 decodeRISCVPageTableInvocation,
 * performPageTableInvocationMap and performPageTableInvocationUnmap, src/arch/riscv/kernel/vspace.c):
 * a table goes into the first empty entry on the walk towards an address, and comes out cleared.
 */
public final class PageTableDecoder {

    private PageTableDecoder() {
    }

    public static Invocation decode(InvocationRequest request, PageTableCap cap, AsidTable asids,
            KernelServices services) throws SyscallError {
        if (request.label() == InvocationLabel.RISCV_PAGE_TABLE_UNMAP.number()) {
            return decodeUnmap(request, cap, asids, services);
        }
        if (request.label() != InvocationLabel.RISCV_PAGE_TABLE_MAP.number()) {
            throw SyscallError.illegalOperation("label " + request.label() + " is not a page-table invocation");
        }
        return decodeMap(request, cap, asids, services);
    }

    private static Invocation decodeMap(InvocationRequest request, PageTableCap cap, AsidTable asids,
            KernelServices services) throws SyscallError {
        if (request.length() < 2 || request.extraCaps().isEmpty()) {
            throw SyscallError.truncatedMessage("PageTable_Map needs the address, the attributes and the vspace");
        }
        if (cap.mapped()) {
            throw SyscallError.invalidCapability(0, "the page table is already mapped: " + cap);
        }
        long vaddr = request.mr(0);
        PageTableCap vspace = VmRoot.requireMappedTable(request.extraCap(0), "PageTable_Map");
        if (Long.compareUnsigned(vaddr, VSpace.USER_TOP) >= 0) {
            throw SyscallError.invalidArgument(0, String.format("0x%x is not below seL4_UserTop", vaddr));
        }
        PageTable root = VmRoot.findVSpaceForAsid(asids, vspace, "PageTable_Map");
        VSpace.Slot slot = VSpace.lookup(root, vaddr);
        // A walk that reached the last level, or stopped at a page, leaves no entry a table may take.
        if (slot.coverBits() == VSpace.PAGE_BITS || slot.entry() != null) {
            throw SyscallError.deleteFirst(String.format("everything is mapped down to 0x%x already", vaddr));
        }
        long base = vaddr & -(1L << slot.coverBits());
        PageTableCap mapped = new PageTableCap(cap.table(), vspace.mappedAsid(), base, true);
        Cte capSlot = request.slot();
        return () -> {
            capSlot.update(mapped);
            VSpace.mapTable(root, slot, base, cap.table());
            VSpaceJournal.record(services, request, "map page table", capSlot, mapped);
            return Invocation.NO_REPLY;
        };
    }

    private static Invocation decodeUnmap(InvocationRequest request, PageTableCap cap, AsidTable asids,
            KernelServices services) throws SyscallError {
        Cte capSlot = request.slot();
        if (!Cdt.isFinal(capSlot)) {
            throw SyscallError.revokeFirst("other caps to " + cap.table().label() + " remain");
        }
        if (cap.mapped() && asids.root(cap.mappedAsid()) == cap.table()) {
            throw SyscallError.revokeFirst(cap.table().label() + " is the root of a VSpace");
        }
        return () -> {
            if (cap.mapped()) {
                PageTable root = asids.root(cap.mappedAsid());
                if (root != null) {
                    VSpace.unmapTable(root, cap.mappedAddress(), cap.table());
                }
                VSpace.clearTable(cap.table());
            }
            if (cap.table().addressSpace() != null) {
                // A root whose ASID went with its pool: cleared, it is no VSpace any more.
                VSpace.release(cap.table());
            }
            PageTableCap unmapped = new PageTableCap(cap.table(), 0, 0, false);
            capSlot.update(unmapped);
            VSpaceJournal.record(services, request, "unmap page table", capSlot, unmapped);
            return Invocation.NO_REPLY;
        };
    }
}
