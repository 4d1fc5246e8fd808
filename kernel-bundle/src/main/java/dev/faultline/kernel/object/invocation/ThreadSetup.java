package dev.faultline.kernel.object.invocation;

import dev.faultline.kernel.api.SyscallError;
import dev.faultline.kernel.object.Capability;
import dev.faultline.kernel.object.Capability.CNodeCap;
import dev.faultline.kernel.object.Capability.FrameCap;
import dev.faultline.kernel.object.Capability.PageTableCap;
import dev.faultline.kernel.object.Cdt;
import dev.faultline.kernel.object.Cte;
import dev.faultline.kernel.object.Tcb;
import dev.faultline.kernel.object.TcbSlot;

/**
 * TCB_Configure, TCB_SetSpace and TCB_SetIPCBuffer (seL4 decodeTCBConfigure, decodeSetSpace,
 * decodeSetIPCBuffer and invokeTCB_ThreadControl): a thread's fault handler, CSpace and VSpace
 * roots and IPC buffer, each cap derived and copied into the TCB's own slots.
 */
final class ThreadSetup {

    private static final long IPC_BUFFER_ALIGNMENT = 1024;

    private ThreadSetup() {
    }

    /** The roots a thread gets: the derived caps and the slots they come from. */
    private record Roots(long faultHandler, Capability cspace, Cte cspaceSource, Capability vspace, Cte vspaceSource) {
    }

    /** The IPC buffer a thread gets: its address and frame cap (null frame: no buffer). */
    private record Buffer(long address, Capability frame, Cte source) {
    }

    static Invocation configure(InvocationRequest request, Tcb target, KernelServices services) throws SyscallError {
        if (request.length() < 4 || request.extraCaps().size() < 3) {
            throw SyscallError.truncatedMessage("Configure needs 4 words and 3 caps");
        }
        Roots roots = roots(request);
        Buffer buffer = buffer(request, request.mr(3), 2);
        return () -> {
            install(target, roots, services);
            install(target, buffer, services);
            return Invocation.NO_REPLY;
        };
    }

    static Invocation setSpace(InvocationRequest request, Tcb target, KernelServices services) throws SyscallError {
        if (request.length() < 3 || request.extraCaps().size() < 2) {
            throw SyscallError.truncatedMessage("SetSpace needs 3 words and 2 caps");
        }
        Roots roots = roots(request);
        return () -> {
            install(target, roots, services);
            return Invocation.NO_REPLY;
        };
    }

    static Invocation setIpcBuffer(InvocationRequest request, Tcb target, KernelServices services) throws SyscallError {
        if (request.length() < 1 || request.extraCaps().isEmpty()) {
            throw SyscallError.truncatedMessage("SetIPCBuffer needs the address and the frame cap");
        }
        Buffer buffer = buffer(request, request.mr(0), 0);
        return () -> {
            install(target, buffer, services);
            return Invocation.NO_REPLY;
        };
    }

    private static Roots roots(InvocationRequest request) throws SyscallError {
        long faultHandler = request.mr(0);
        long cspaceData = request.mr(1);
        long vspaceData = request.mr(2);
        Cte cspaceSlot = request.extraSlot(0);
        Cte vspaceSlot = request.extraSlot(1);
        Capability cspace = cspaceSlot.cap();
        if (cspaceData != 0) {
            cspace = Cdt.updateCapData(Cdt.BadgeUse.SET, cspaceData, cspace);
        }
        cspace = Cdt.derive(cspaceSlot, cspace);
        if (!(cspace instanceof CNodeCap)) {
            throw SyscallError.illegalOperation("the CSpace root is not a CNode: " + cspace);
        }
        // RISC-V page-table caps take no cap data, so vspaceData changes nothing (seL4 riscv).
        Capability vspace = Cdt.derive(vspaceSlot, vspaceSlot.cap());
        // seL4 riscv isValidVTableRoot: any mapped page-table cap; a thread whose root has no
        // ASID then runs in no address space and faults on its first fetch.
        if (!(vspace instanceof PageTableCap table) || !table.mapped()) {
            throw SyscallError.illegalOperation("the VSpace root is not a mapped page-table cap: " + vspace
                    + (vspaceData != 0 ? " (root data ignored)" : ""));
        }
        return new Roots(faultHandler, cspace, cspaceSlot, vspace, vspaceSlot);
    }

    private static Buffer buffer(InvocationRequest request, long address, int capIndex) throws SyscallError {
        if (address == 0) {
            return new Buffer(0, null, null);
        }
        Cte slot = request.extraSlot(capIndex);
        Capability frame = Cdt.derive(slot, slot.cap());
        if (!(frame instanceof FrameCap f) || f.frame().isDevice()) {
            throw SyscallError.illegalOperation("the IPC buffer is not a normal frame: " + frame);
        }
        if (address % IPC_BUFFER_ALIGNMENT != 0) {
            throw SyscallError.alignmentError(String.format("IPC buffer 0x%x is not 1 KiB aligned", address));
        }
        return new Buffer(address, frame, slot);
    }

    private static void install(Tcb target, Roots roots, KernelServices services) {
        target.setFaultHandler(roots.faultHandler());
        replace(target.slot(TcbSlot.CSPACE_ROOT), roots.cspace(), roots.cspaceSource(), services);
        replace(target.slot(TcbSlot.VSPACE_ROOT), roots.vspace(), roots.vspaceSource(), services);
        if (target == services.context().scheduler().current()) {
            services.context().scheduler().rescheduleRequired();
        }
    }

    private static void install(Tcb target, Buffer buffer, KernelServices services) {
        target.setIpcBuffer(buffer.address());
        Cte slot = target.slot(TcbSlot.IPC_BUFFER);
        Cdt.delete(slot, services.context().finaliser());
        if (buffer.frame() != null && buffer.source().cap().object() == buffer.frame().object()) {
            Cdt.insert(buffer.frame(), buffer.source(), slot);
        }
        if (target == services.context().scheduler().current()) {
            services.context().scheduler().rescheduleRequired();
        }
    }

    /** Empties a TCB slot and copies the new cap in, if its source still holds it (seL4 checkCapAt). */
    private static void replace(Cte slot, Capability cap, Cte source, KernelServices services) {
        Cdt.delete(slot, services.context().finaliser());
        if (source.cap().object() == cap.object()) {
            Cdt.insert(cap, source, slot);
        }
    }
}
