package dev.faultline.kernel.inspect;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import dev.faultline.emulator.hart.Registers;
import dev.faultline.kernel.journal.Trapframe;
import dev.faultline.kernel.Kernel;
import dev.faultline.kernel.api.MessageInfo;
import dev.faultline.kernel.arch.riscv64.VSpace;
import dev.faultline.kernel.interrupt.Interrupts;
import dev.faultline.kernel.ipc.MessageRegisters;
import dev.faultline.kernel.object.CNode;
import dev.faultline.kernel.object.Capability;
import dev.faultline.kernel.object.Capability.CNodeCap;
import dev.faultline.kernel.object.Capability.EndpointCap;
import dev.faultline.kernel.object.Capability.FrameCap;
import dev.faultline.kernel.object.Capability.NotificationCap;
import dev.faultline.kernel.object.Capability.PageTableCap;
import dev.faultline.kernel.object.Capability.ReplyCap;
import dev.faultline.kernel.object.Cte;
import dev.faultline.kernel.object.Endpoint;
import dev.faultline.kernel.object.KernelObject;
import dev.faultline.kernel.object.Notification;
import dev.faultline.kernel.object.PageTable;
import dev.faultline.kernel.object.Tcb;
import dev.faultline.kernel.object.TcbSlot;
import dev.faultline.kernel.object.ThreadQueue;
import dev.faultline.kernel.object.ThreadState;

/**
 * Takes a {@link KernelSnapshot} between kernel entries. Objects are found through the kernel's
 * object space, and the slots that name each object through one pass over the CNodes, so a
 * snapshot costs time in proportion to the objects and filled slots, not to memory.
 */
public final class Inspector {

    private Inspector() {
    }

    /** The kernel's state now; call it on the machine thread, between kernel entries. */
    public static KernelSnapshot snapshot(Kernel kernel) {
        Map<KernelObject, List<SlotRef>> named = new IdentityHashMap<>();
        List<CNodeView> cnodes = new ArrayList<>();
        for (CNode cnode : kernel.objects().all(CNode.class)) {
            cnodes.add(cnodeView(cnode, named));
        }
        for (int irq = 0; irq <= Interrupts.MAX_IRQ; irq++) {
            Cte slot = kernel.interrupts().handlerSlot(irq);
            if (slot.cap() instanceof NotificationCap n) {
                named.computeIfAbsent(n.notification(), o -> new ArrayList<>()).add(slotRef(slot));
            }
        }
        Tcb current = kernel.scheduler().current();
        List<TcbView> threads = new ArrayList<>();
        for (Tcb tcb : kernel.objects().all(Tcb.class)) {
            threads.add(tcbView(tcb, tcb == current));
        }
        List<EndpointView> endpoints = new ArrayList<>();
        for (Endpoint endpoint : kernel.objects().all(Endpoint.class)) {
            endpoints.add(new EndpointView(endpoint.id(), endpoint.state(), waiters(endpoint.queue()),
                    named.getOrDefault(endpoint, List.of())));
        }
        List<NotificationView> notifications = new ArrayList<>();
        for (Notification notification : kernel.objects().all(Notification.class)) {
            notifications.add(new NotificationView(notification.id(), notification.state(), notification.word(),
                    notification.boundTcb() == null ? 0 : notification.boundTcb().id(), waiters(notification.queue()),
                    named.getOrDefault(notification, List.of())));
        }
        List<VSpaceView> vspaces = new ArrayList<>();
        for (PageTable table : kernel.objects().all(PageTable.class)) {
            if (table.addressSpace() != null) {
                vspaces.add(vspaceView(table));
            }
        }
        return new KernelSnapshot(kernel.kernelEntries(), kernel.now(), current == null ? 0 : current.id(), threads,
                endpoints, notifications, cnodes, vspaces);
    }

    private static CNodeView cnodeView(CNode cnode, Map<KernelObject, List<SlotRef>> named) {
        List<Cte> filled = new ArrayList<>();
        for (Cte slot : cnode.usedSlots()) {
            if (!slot.isEmpty()) {
                filled.add(slot);
            }
        }
        filled.sort(Comparator.comparingInt(Cte::index));
        List<CapView> caps = new ArrayList<>(filled.size());
        for (Cte slot : filled) {
            caps.add(capView(slot.index(), slot.cap()));
            KernelObject object = slot.cap().object();
            if (object instanceof Endpoint || object instanceof Notification) {
                named.computeIfAbsent(object, o -> new ArrayList<>()).add(slotRef(slot));
            }
        }
        return new CNodeView(cnode.id(), cnode.radix(), caps);
    }

    /** The cap in a slot as plain data. */
    public static CapView capView(int slot, Capability cap) {
        return switch (cap) {
            case CNodeCap c -> new CapView(slot, "cnode", "", 0, c.guard(), c.guardSize(), c.cnode().radix(),
                    c.cnode().id(), cap.toString());
            case EndpointCap e -> new CapView(slot, "endpoint", e.rights().toString(), e.badge(), 0, 0, 0,
                    e.endpoint().id(), cap.toString());
            case NotificationCap n -> new CapView(slot, "notification", n.rights().toString(), n.badge(), 0, 0, 0,
                    n.notification().id(), cap.toString());
            case FrameCap f -> new CapView(slot, "frame", f.rights().toString(), 0, 0, 0, 0, f.frame().id(),
                    cap.toString());
            case ReplyCap r -> new CapView(slot, r.master() ? "master reply" : "reply", r.canGrant() ? "G" : "", 0, 0,
                    0, 0, r.tcb().id(), cap.toString());
            default -> new CapView(slot, typeName(cap), "", 0, 0, 0, 0, cap.object() == null ? 0 : cap.object().id(),
                    cap.toString());
        };
    }

    /** A cap type's name in views: the record's name without "Cap", in words ("page table", "irq handler"). */
    private static String typeName(Capability cap) {
        String simple = cap.getClass().getSimpleName().replaceFirst("Cap$", "");
        return simple.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase();
    }

    private static TcbView tcbView(Tcb tcb, boolean current) {
        Capability cspace = tcb.slot(TcbSlot.CSPACE_ROOT).cap();
        Capability vspace = tcb.slot(TcbSlot.VSPACE_ROOT).cap();
        return new TcbView(tcb.id(), tcb.name(), tcb.state(), Trapframe.of(tcb.registers(), tcb.registers().pc()),
                tcb.faultIp(), tcb.priority(),
                tcb.maxControlledPriority(), tcb.faultHandler(), tcb.ipcBuffer(),
                tcb.boundNotification() == null ? 0 : tcb.boundNotification().id(), blocking(tcb),
                cspace.isNull() ? null : capView(TcbSlot.CSPACE_ROOT.ordinal(), cspace),
                vspace instanceof PageTableCap p ? p.table().id() : 0, tcb.fault() == null ? null : tcb.fault().toString(),
                current, tcb.isInReadyQueue());
    }

    private static BlockedOn blocking(Tcb tcb) {
        return switch (tcb.state()) {
            case BLOCKED_ON_SEND -> new BlockedOn(waitedOn(tcb), "endpoint", tcb.blocking().badge(),
                    message(tcb), tcb.blocking().isCall(), null);
            case BLOCKED_ON_RECEIVE -> new BlockedOn(waitedOn(tcb), "endpoint", 0, null, false, null);
            case BLOCKED_ON_NOTIFICATION -> new BlockedOn(waitedOn(tcb), "notification", 0, null, false,
                    null);
            case BLOCKED_ON_REPLY -> new BlockedOn(0, "reply", 0, null, true, replyCapTo(tcb));
            default -> null;
        };
    }

    private static long waitedOn(Tcb tcb) {
        KernelObject object = tcb.blocking().object();
        return object == null ? 0 : object.id();
    }

    /** The slot of the one-shot reply cap to tcb: the child of its master reply cap, if any. */
    private static SlotRef replyCapTo(Tcb tcb) {
        Cte next = tcb.slot(TcbSlot.REPLY).mdbNext();
        if (next != null && next.cap() instanceof ReplyCap r && r.tcb() == tcb && !r.master()) {
            return slotRef(next);
        }
        return null;
    }

    /** Names a slot for views. */
    public static SlotRef slotRef(Cte slot) {
        return switch (slot.owner()) {
            case CNode c -> new SlotRef(c.id(), SlotRef.OwnerKind.CNODE, slot.index(), null);
            case Tcb t -> new SlotRef(t.id(), SlotRef.OwnerKind.TCB, slot.index(),
                    TcbSlot.values()[slot.index()].name().toLowerCase());
            default -> new SlotRef(0, SlotRef.OwnerKind.IRQ_NODE, slot.index(), "irq " + slot.index());
        };
    }

    private static MessageInfo message(Tcb tcb) {
        return MessageInfo.fromWord(tcb.registers().get(MessageRegisters.INFO));
    }

    private static List<Waiter> waiters(ThreadQueue queue) {
        List<Waiter> waiters = new ArrayList<>(queue.size());
        // Bounded by the size, so a queue broken into a cycle (the checker's to report) still ends.
        for (Tcb t = queue.head(); t != null && waiters.size() < queue.size(); t = t.queueNext()) {
            boolean sender = t.state() == ThreadState.BLOCKED_ON_SEND;
            waiters.add(new Waiter(t.id(), t.name(), t.state(), sender ? t.blocking().badge() : 0,
                    sender ? message(t) : null, sender && t.blocking().isCall()));
        }
        return waiters;
    }

    private static VSpaceView vspaceView(PageTable root) {
        List<MappingView> mappings = new ArrayList<>();
        VSpace.walkLeaves(root, 0, 0, (vaddr, mapping) -> mappings.add(new MappingView(signExtend(vaddr),
                mapping.frame().id(), mapping.frame().sizeBits(), mapping.permissions().toString())));
        return new VSpaceView(root.id(), root.asid(), mappings);
    }

    /** Sv39 addresses are 39 bits, sign-extended: the upper half of the root's entries is kernel space. */
    private static long signExtend(long vaddr) {
        return vaddr << 25 >> 25;
    }
}
