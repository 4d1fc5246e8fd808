package dev.faultline.kernel;

import java.util.HashSet;
import java.util.Set;
import java.util.function.LongSupplier;

import dev.faultline.kernel.arch.riscv64.AsidTable;
import dev.faultline.kernel.interrupt.InterruptController;
import dev.faultline.kernel.interrupt.IrqState;
import dev.faultline.kernel.arch.riscv64.VSpace;
import dev.faultline.kernel.ipc.Ipc;
import dev.faultline.kernel.ipc.Signals;
import dev.faultline.kernel.journal.Journal;
import dev.faultline.kernel.journal.KernelEvent;
import dev.faultline.kernel.object.CNode;
import dev.faultline.kernel.object.Capability;
import dev.faultline.kernel.object.Capability.AsidPoolCap;
import dev.faultline.kernel.object.Capability.CNodeCap;
import dev.faultline.kernel.object.Capability.EndpointCap;
import dev.faultline.kernel.object.Capability.FrameCap;
import dev.faultline.kernel.object.Capability.NotificationCap;
import dev.faultline.kernel.object.Capability.PageTableCap;
import dev.faultline.kernel.object.Capability.TcbCap;
import dev.faultline.kernel.object.Capability.UntypedCap;
import dev.faultline.kernel.object.Cdt;
import dev.faultline.kernel.object.Cte;
import dev.faultline.kernel.object.KernelObject;
import dev.faultline.kernel.object.ObjectSpace;
import dev.faultline.kernel.object.PageTable;
import dev.faultline.kernel.object.Tcb;
import dev.faultline.kernel.object.TcbSlot;
import dev.faultline.kernel.thread.ThreadControl;

/**
 * What deleting a cap does to its object (seL4 finaliseCap, src/object/objecttype.c): the last
 * cap to an endpoint or notification wakes its waiters, to a thread stops it and empties its
 * slots, to a CNode empties it; a frame cap with a mapping unmaps it, the last cap to a mapped
 * page table unmaps it or deletes its ASID, the last cap to an ASID pool deletes the pool's ASIDs
 * (seL4 Arch_finaliseCap, src/arch/riscv/object/objecttype.c). An object already being
 * finalised is not finalised again, so a CNode that holds a cap to itself can go. Each object
 * that goes is journalled, after what its finalisation did.
 */
final class Finalisation implements Cdt.Finaliser {

    private final ObjectSpace objects;
    private final AsidTable asids;
    private final InterruptController interrupts;
    private final Journal journal;
    private final LongSupplier clock;
    private final Set<KernelObject> finalising = new HashSet<>();
    private Ipc ipc;
    private Signals signals;
    private ThreadControl threads;

    Finalisation(ObjectSpace objects, AsidTable asids, InterruptController interrupts, Journal journal,
            LongSupplier clock) {
        this.objects = objects;
        this.asids = asids;
        this.interrupts = interrupts;
        this.journal = journal;
        this.clock = clock;
    }

    void connect(Ipc ipcOps, Signals signalOps, ThreadControl threadControl) {
        this.ipc = ipcOps;
        this.signals = signalOps;
        this.threads = threadControl;
    }

    @Override
    public void finalise(Capability cap, boolean isFinal) {
        if (cap instanceof Capability.IrqHandlerCap handler && isFinal) {
            // seL4 deletingIRQHandler: the line loses its handler and its notification.
            interrupts.setState(handler.irq(), IrqState.INACTIVE);
            Cdt.delete(interrupts.handlerSlot(handler.irq()), this);
            return;
        }
        if (cap instanceof FrameCap frame && frame.isMapped()) {
            unmapFrame(frame);
        }
        KernelObject object = cap.object();
        if (!isFinal || object == null || !finalising.add(object)) {
            return;
        }
        try {
            switch (cap) {
                case EndpointCap e -> ipc.cancelAll(e.endpoint());
                case NotificationCap n -> {
                    if (n.notification().boundTcb() != null) {
                        signals.unbind(n.notification().boundTcb());
                    }
                    signals.cancelAll(n.notification());
                }
                case TcbCap t -> finaliseThread(t.tcb());
                case CNodeCap c -> emptyCNode(c.cnode());
                case PageTableCap p -> finalisePageTable(p);
                case AsidPoolCap a -> asids.deleteAsidPool(a.asidBase(), a.pool());
                case UntypedCap u -> { }
                default -> { }
            }
            if (!(cap instanceof Capability.ReplyCap)) {
                objects.destroyed(object);
                if (journal.isOn()) {
                    journal.record(new KernelEvent.ObjectDestroyed(clock.getAsLong(), object.id(), object.type()));
                }
            }
        } finally {
            finalising.remove(object);
        }
    }

    private void finaliseThread(Tcb tcb) {
        threads.suspend(tcb);
        signals.unbind(tcb);
        for (TcbSlot slot : TcbSlot.values()) {
            Cdt.delete(tcb.slot(slot), this);
        }
    }

    private void emptyCNode(CNode cnode) {
        for (int i = 0; i < cnode.size(); i++) {
            Cte slot = cnode.existingSlot(i);
            if (slot != null) {
                Cdt.delete(slot, this);
            }
        }
    }

    /** seL4 unmapPage, for every frame cap that records a mapping (a copy too: each cap maps once). */
    private void unmapFrame(FrameCap frame) {
        PageTable root = rootOf(frame.mappedAsid());
        if (root != null) {
            VSpace.unmapFrame(root, frame.mappedAddress(), frame.frame());
        }
    }

    /**
     * The last cap to a mapped page table: a VSpace root loses its ASID (seL4 deleteASID), any
     * other table leaves the tree it is in (seL4 unmapPageTable), keeping its entries as seL4
     * does. A root's mirror goes with the object.
     */
    private void finalisePageTable(PageTableCap cap) {
        PageTable table = cap.table();
        if (cap.mapped()) {
            PageTable named = rootOf(cap.mappedAsid());
            if (named == table) {
                asids.deleteAsid(cap.mappedAsid(), table);
            } else if (named != null) {
                VSpace.unmapTable(named, cap.mappedAddress(), table);
            }
        }
        if (table.addressSpace() != null) {
            VSpace.release(table);
        }
    }

    private PageTable rootOf(long asid) {
        return asids.root(asid);
    }
}
