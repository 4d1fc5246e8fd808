package dev.faultline.kernel.arch.riscv64;

import dev.faultline.emulator.memory.Permissions;
import dev.faultline.kernel.api.CapRights;
import dev.faultline.kernel.api.InvocationLabel;
import dev.faultline.kernel.api.LookupFailure;
import dev.faultline.kernel.api.SyscallError;
import dev.faultline.kernel.object.Capability.FrameCap;
import dev.faultline.kernel.object.Capability.PageTableCap;
import dev.faultline.kernel.object.Cdt;
import dev.faultline.kernel.object.Cte;
import dev.faultline.kernel.object.Frame;
import dev.faultline.kernel.object.PageTable;
import dev.faultline.kernel.object.invocation.Invocation;
import dev.faultline.kernel.object.invocation.InvocationRequest;
import dev.faultline.kernel.object.invocation.KernelServices;

/**
 * RISCV_Page_Map, RISCV_Page_Unmap and RISCV_Page_GetAddress (seL4 decodeRISCVFrameInvocation
 * and its perform functions, src/arch/riscv/kernel/vspace.c): a frame cap records the one place
 * it is mapped; mapping it again is allowed only at that place, and then only changes the rights.
 */
public final class FrameDecoder {

    /** seL4_RISCV_ExecuteNever, bit 0 of the VM attributes. */
    static final long EXECUTE_NEVER = 1;

    private FrameDecoder() {
    }

    public static Invocation decode(InvocationRequest request, FrameCap cap, AsidTable asids, KernelServices services)
            throws SyscallError {
        InvocationLabel label = InvocationLabel.fromNumber(request.label());
        if (label == InvocationLabel.RISCV_PAGE_MAP) {
            return decodeMap(request, cap, asids, services);
        }
        if (label == InvocationLabel.RISCV_PAGE_UNMAP) {
            return unmap(request, asids, services);
        }
        if (label == InvocationLabel.RISCV_PAGE_GET_ADDRESS) {
            long address = cap.frame().physicalAddress();
            return () -> new long[] {address};
        }
        throw SyscallError.illegalOperation("label " + request.label() + " is not a page invocation");
    }

    private static Invocation decodeMap(InvocationRequest request, FrameCap cap, AsidTable asids, KernelServices services)
            throws SyscallError {
        if (request.length() < 3 || request.extraCaps().isEmpty()) {
            throw SyscallError.truncatedMessage("Page_Map needs the address, the rights, the attributes and the vspace");
        }
        long vaddr = request.mr(0);
        CapRights mask = CapRights.fromWord(request.mr(1));
        long attributes = request.mr(2);
        PageTableCap vspace = VmRoot.requireMappedTable(request.extraCap(0), "Page_Map");
        PageTable root = VmRoot.findVSpaceForAsid(asids, vspace, "Page_Map");
        Frame frame = cap.frame();
        long size = 1L << frame.sizeBits();
        if (Long.compareUnsigned(vaddr + size - 1, VSpace.USER_TOP) >= 0) {
            throw SyscallError.invalidArgument(0, String.format("a %s at 0x%x does not end below seL4_UserTop",
                    frame.label(), vaddr));
        }
        if ((vaddr & (size - 1)) != 0) {
            throw SyscallError.alignmentError(String.format("0x%x is not aligned to the %s", vaddr, frame.label()));
        }
        VSpace.Slot slot = VSpace.lookup(root, vaddr);
        if (slot.coverBits() != frame.sizeBits()) {
            // MR2 tells the caller which table is missing: 30 a level-1 table, 21 a last-level one.
            throw SyscallError.failedLookup(false, new LookupFailure.MissingCapability(slot.coverBits()),
                    String.format("no page table for 0x%x at %d bits", vaddr, slot.coverBits()));
        }
        checkTarget(cap, vspace.mappedAsid(), vaddr, slot);
        Permissions permissions = userPermissions(Cdt.maskVmRights(cap.rights(), mask),
                (attributes & EXECUTE_NEVER) == 0);
        FrameCap mapped = new FrameCap(frame, cap.rights(), vspace.mappedAsid(), vaddr);
        Cte capSlot = request.slot();
        return () -> {
            capSlot.update(mapped);
            if (permissions == null) {
                VSpace.invalidate(root, slot, vaddr);
            } else {
                VSpace.mapFrame(root, slot, vaddr, frame, permissions);
            }
            VSpaceJournal.record(services, request, "map page", capSlot, mapped);
            return Invocation.NO_REPLY;
        };
    }

    /**
     * A mapped frame cap may only be mapped again where it is (seL4 lets that change the rights);
     * an unmapped one only into an empty entry.
     */
    private static void checkTarget(FrameCap cap, long asid, long vaddr, VSpace.Slot slot) throws SyscallError {
        if (!cap.isMapped()) {
            if (slot.entry() != null) {
                throw SyscallError.deleteFirst(String.format("0x%x is mapped already", vaddr));
            }
            return;
        }
        if (cap.mappedAsid() != asid) {
            throw SyscallError.invalidCapability(1, "the frame is mapped in another address space (ASID "
                    + cap.mappedAsid() + ")");
        }
        if (cap.mappedAddress() != vaddr) {
            throw SyscallError.invalidArgument(0, String.format("the frame is mapped at 0x%x; one cap maps one place",
                    cap.mappedAddress()));
        }
        if (slot.entry() instanceof PageTable) {
            throw SyscallError.deleteFirst(String.format("a page table sits at 0x%x", vaddr));
        }
    }

    /**
     * seL4 makeUserPTE: read unless kernel-only, write only with read-write, execute unless
     * ExecuteNever; null for the invalid entry of a mapping that would grant nothing.
     */
    static Permissions userPermissions(CapRights vmRights, boolean executable) {
        boolean read = vmRights.read();
        boolean write = read && vmRights.write();
        if (!read && !executable) {
            return null;
        }
        return new Permissions((read ? 1 : 0) | (write ? 2 : 0) | (executable ? 4 : 0));
    }

    private static Invocation unmap(InvocationRequest request, AsidTable asids, KernelServices services) {
        Cte capSlot = request.slot();
        return () -> {
            FrameCap cap = (FrameCap) capSlot.cap();
            if (cap.isMapped()) {
                PageTable root = asids.root(cap.mappedAsid());
                if (root != null) {
                    VSpace.unmapFrame(root, cap.mappedAddress(), cap.frame());
                }
            }
            FrameCap unmapped = new FrameCap(cap.frame(), cap.rights(), 0, 0);
            capSlot.update(unmapped);
            VSpaceJournal.record(services, request, "unmap page", capSlot, unmapped);
            return Invocation.NO_REPLY;
        };
    }
}
