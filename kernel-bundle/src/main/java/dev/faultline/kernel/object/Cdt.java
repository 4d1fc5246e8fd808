package dev.faultline.kernel.object;

import dev.faultline.kernel.api.CapRights;
import dev.faultline.kernel.api.SyscallError;
import dev.faultline.kernel.object.Capability.AsidControlCap;
import dev.faultline.kernel.object.Capability.AsidPoolCap;
import dev.faultline.kernel.object.Capability.CNodeCap;
import dev.faultline.kernel.object.Capability.DomainCap;
import dev.faultline.kernel.object.Capability.EndpointCap;
import dev.faultline.kernel.object.Capability.FrameCap;
import dev.faultline.kernel.object.Capability.IrqControlCap;
import dev.faultline.kernel.object.Capability.IrqHandlerCap;
import dev.faultline.kernel.object.Capability.NotificationCap;
import dev.faultline.kernel.object.Capability.PageTableCap;
import dev.faultline.kernel.object.Capability.ReplyCap;
import dev.faultline.kernel.object.Capability.TcbCap;
import dev.faultline.kernel.object.Capability.UntypedCap;

/**
 * The capability derivation tree (seL4 src/object/cnode.c and cap.c; SEL4/Object/CNode): where
 * caps are inserted, moved, swapped, deleted and revoked, and which cap is another's parent.
 * Deleting the last cap to an object finalises it through the {@link Finaliser} the kernel gives.
 */
public final class Cdt {

    private Cdt() {
    }

    /** What the kernel does when the last cap to an object goes (or a frame cap with a mapping). */
    public interface Finaliser {
        /** Finalises the object cap names; isFinal says no other cap to it remains. */
        void finalise(Capability cap, boolean isFinal);
    }

    /** Puts newCap, derived from the cap in source, into the empty dest, as source's child or sibling. */
    public static void insert(Capability newCap, Cte source, Cte dest) {
        requireEmpty(dest);
        boolean revocable = isCapRevocable(newCap, source.cap);
        dest.cap = newCap;
        dest.revocable = revocable;
        dest.firstBadged = revocable;
        link(source, dest);
    }

    /** Puts the cap of a freshly created object into the empty slot, as the untyped's child. */
    public static void insertNew(Capability newCap, Cte untyped, Cte slot) {
        requireEmpty(slot);
        slot.cap = newCap;
        slot.revocable = true;
        slot.firstBadged = true;
        link(untyped, slot);
    }

    /** Puts an original cap (one with no parent, as at boot) into an empty slot. */
    public static void insertOriginal(Capability cap, Cte slot) {
        requireEmpty(slot);
        slot.cap = cap;
        slot.revocable = true;
        slot.firstBadged = true;
        slot.mdbPrev = null;
        slot.mdbNext = null;
    }

    private static void link(Cte after, Cte slot) {
        slot.mdbPrev = after;
        slot.mdbNext = after.mdbNext;
        if (after.mdbNext != null) {
            after.mdbNext.mdbPrev = slot;
        }
        after.mdbNext = slot;
    }

    /** Moves the cap in source to the empty dest, as newCap (Move and Mutate), keeping its place in the tree. */
    public static void move(Capability newCap, Cte source, Cte dest) {
        requireEmpty(dest);
        dest.cap = newCap;
        dest.revocable = source.revocable;
        dest.firstBadged = source.firstBadged;
        dest.mdbPrev = source.mdbPrev;
        dest.mdbNext = source.mdbNext;
        if (dest.mdbPrev != null) {
            dest.mdbPrev.mdbNext = dest;
        }
        if (dest.mdbNext != null) {
            dest.mdbNext.mdbPrev = dest;
        }
        clearSlot(source);
    }

    /** Exchanges the caps of two slots, each as the given cap, with their places in the tree (Rotate). */
    public static void swap(Capability cap1, Cte slot1, Capability cap2, Cte slot2) {
        Cte prev1 = slot1.mdbPrev;
        Cte next1 = slot1.mdbNext;
        boolean revocable1 = slot1.revocable;
        boolean firstBadged1 = slot1.firstBadged;
        Cte prev2 = slot2.mdbPrev;
        Cte next2 = slot2.mdbNext;
        // Adjacent slots point at each other: resolve those links to the slots' new places.
        slot1.cap = cap2;
        slot1.mdbPrev = prev2 == slot1 ? slot2 : prev2;
        slot1.mdbNext = next2 == slot1 ? slot2 : next2;
        slot1.revocable = slot2.revocable;
        slot1.firstBadged = slot2.firstBadged;
        slot2.cap = cap1;
        slot2.mdbPrev = prev1 == slot2 ? slot1 : prev1;
        slot2.mdbNext = next1 == slot2 ? slot1 : next1;
        slot2.revocable = revocable1;
        slot2.firstBadged = firstBadged1;
        relink(slot1);
        relink(slot2);
    }

    private static void relink(Cte slot) {
        if (slot.mdbPrev != null) {
            slot.mdbPrev.mdbNext = slot;
        }
        if (slot.mdbNext != null) {
            slot.mdbNext.mdbPrev = slot;
        }
    }

    /** Deletes the cap in slot, finalising its object when it was the last cap to it. */
    public static void delete(Cte slot, Finaliser finaliser) {
        if (slot.isEmpty()) {
            return;
        }
        Capability cap = slot.cap;
        boolean isFinal = isFinal(slot);
        // Empty the slot first: finalising may delete other slots that would otherwise find it.
        emptySlot(slot);
        finaliser.finalise(cap, isFinal);
    }

    /** Deletes every descendant of the cap in slot (CNode_Revoke). */
    public static void revoke(Cte slot, Finaliser finaliser) {
        Cte next = slot.mdbNext;
        while (next != null && isParentOf(slot, next)) {
            delete(next, finaliser);
            next = slot.mdbNext;
        }
    }

    /** Whether the cap in slot has descendants (seL4 ensureNoChildren fails). */
    public static boolean hasChildren(Cte slot) {
        return slot.mdbNext != null && isParentOf(slot, slot.mdbNext);
    }

    private static void emptySlot(Cte slot) {
        Cte prev = slot.mdbPrev;
        Cte next = slot.mdbNext;
        if (prev != null) {
            prev.mdbNext = next;
        }
        if (next != null) {
            next.mdbPrev = prev;
            next.firstBadged = next.firstBadged || slot.firstBadged;
        }
        clearSlot(slot);
    }

    private static void clearSlot(Cte slot) {
        slot.cap = Capability.NULL;
        slot.mdbPrev = null;
        slot.mdbNext = null;
        slot.revocable = false;
        slot.firstBadged = false;
    }

    private static void requireEmpty(Cte slot) {
        if (!slot.isEmpty()) {
            throw new IllegalStateException(slot + " is not empty: it holds " + slot.cap);
        }
    }

    /**
     * Whether no neighbour in the tree names the same object: then deleting slot's cap finalises
     * it. seL4 counts every untyped cap final (sameObjectAs never holds for untypeds) since
     * finalising one does nothing; here the object space forgets a finalised untyped, so any other
     * cap to the same untyped keeps it alive.
     */
    public static boolean isFinal(Cte slot) {
        Capability cap = slot.cap;
        if (cap instanceof UntypedCap u) {
            return !anotherCapTo(slot, u.untyped());
        }
        boolean prevSame = slot.mdbPrev != null && sameObjectAs(slot.mdbPrev.cap, cap);
        boolean nextSame = slot.mdbNext != null && sameObjectAs(cap, slot.mdbNext.cap);
        return !prevSame && !nextSame;
    }

    /**
     * Whether another slot holds a cap to untyped. Every cap to it lies among the entries around
     * slot whose objects overlap its memory (its copies descend from one another, and everything
     * made from any of them lies inside it), so the walk stops where the overlap ends.
     */
    private static boolean anotherCapTo(Cte slot, Untyped untyped) {
        for (Cte s = slot.mdbPrev; s != null && overlaps(s.cap, untyped); s = s.mdbPrev) {
            if (s.cap instanceof UntypedCap u && u.untyped() == untyped) {
                return true;
            }
        }
        for (Cte s = slot.mdbNext; s != null && overlaps(s.cap, untyped); s = s.mdbNext) {
            if (s.cap instanceof UntypedCap u && u.untyped() == untyped) {
                return true;
            }
        }
        return false;
    }

    private static boolean overlaps(Capability cap, Untyped untyped) {
        KernelObject object = cap.object();
        if (object == null) {
            return false;
        }
        long base = object.physicalAddress();
        return base < untyped.physicalAddress() + untyped.sizeBytes()
                && untyped.physicalAddress() < base + (1L << object.sizeBits());
    }

    /** seL4 isMDBParentOf: whether the cap in b descends from the cap in a. */
    public static boolean isParentOf(Cte a, Cte b) {
        if (!a.revocable || !sameRegionAs(a.cap, b.cap)) {
            return false;
        }
        long badge = switch (a.cap) {
            case EndpointCap e -> e.badge();
            case NotificationCap n -> n.badge();
            default -> 0;
        };
        if (badge == 0) {
            return true;
        }
        long childBadge = switch (b.cap) {
            case EndpointCap e -> e.badge();
            case NotificationCap n -> n.badge();
            default -> 0;
        };
        return badge == childBadge && !b.firstBadged;
    }

    /** seL4 isCapRevocable: a badged copy of an unbadged cap, an untyped, an IRQ handler from control. */
    static boolean isCapRevocable(Capability derived, Capability source) {
        return switch (derived) {
            case EndpointCap e -> source instanceof EndpointCap s && e.badge() != s.badge();
            case NotificationCap n -> source instanceof NotificationCap s && n.badge() != s.badge();
            case IrqHandlerCap h -> source instanceof IrqControlCap;
            case UntypedCap u -> true;
            default -> false;
        };
    }

    /** seL4 sameRegionAs: whether b's object lies within what a covers. */
    public static boolean sameRegionAs(Capability a, Capability b) {
        return switch (a) {
            case UntypedCap u -> {
                KernelObject object = b.object();
                if (object == null || b instanceof ReplyCap) {
                    yield false;
                }
                long base = u.untyped().physicalAddress();
                long top = base + u.untyped().sizeBytes() - 1;
                long bBase = object.physicalAddress();
                long bTop = bBase + (1L << object.sizeBits()) - 1;
                yield base <= bBase && bTop <= top && bBase <= bTop;
            }
            case EndpointCap e -> b instanceof EndpointCap o && o.endpoint() == e.endpoint();
            case NotificationCap n -> b instanceof NotificationCap o && o.notification() == n.notification();
            case CNodeCap c -> b instanceof CNodeCap o && o.cnode() == c.cnode();
            case TcbCap t -> b instanceof TcbCap o && o.tcb() == t.tcb();
            case ReplyCap r -> b instanceof ReplyCap o && o.tcb() == r.tcb();
            case DomainCap d -> b instanceof DomainCap;
            case IrqControlCap c -> b instanceof IrqControlCap || b instanceof IrqHandlerCap;
            case IrqHandlerCap h -> b instanceof IrqHandlerCap o && o.irq() == h.irq();
            case FrameCap f -> b instanceof FrameCap o && o.frame() == f.frame();
            case PageTableCap p -> b instanceof PageTableCap o && o.table() == p.table();
            case AsidControlCap c -> b instanceof AsidControlCap;
            case AsidPoolCap p -> b instanceof AsidPoolCap o && o.pool() == p.pool();
            default -> false;
        };
    }

    /** seL4 sameObjectAs: sameRegionAs, except that an untyped or IRQ control names no single object. */
    public static boolean sameObjectAs(Capability a, Capability b) {
        if (a instanceof UntypedCap || (a instanceof IrqControlCap && b instanceof IrqHandlerCap)) {
            return false;
        }
        return sameRegionAs(a, b);
    }

    /**
     * seL4 updateCapData: Mint's badge on an unbadged endpoint or notification (a badged one
     * yields null), or a CNode's guard; other caps are unchanged. preserve (Mutate) keeps badges.
     */
    public static Capability updateCapData(BadgeUse use, long data, Capability cap) {
        return switch (cap) {
            case EndpointCap e -> use == BadgeUse.SET && e.badge() == 0 ? new EndpointCap(e.endpoint(), data, e.rights())
                    : Capability.NULL;
            case NotificationCap n -> use == BadgeUse.SET && n.badge() == 0
                    ? new NotificationCap(n.notification(), data, n.rights()) : Capability.NULL;
            case CNodeCap c -> {
                int guardSize = (int) (data & 0x3f);
                long guard = guardSize == 0 ? 0 : (data >>> 6) & (guardSize >= 58 ? -1L : (1L << guardSize) - 1);
                yield guardSize + c.cnode().radix() > 64 ? Capability.NULL : new CNodeCap(c.cnode(), guard, guardSize);
            }
            default -> cap;
        };
    }

    /**
     * seL4 deriveCap: the cap a copy of the cap in slot may hold. Reply and IRQ-control caps
     * yield null (they cannot be copied); an untyped with children and an unmapped page table
     * cannot be derived at all.
     */
    public static Capability derive(Cte slot, Capability cap) throws SyscallError {
        return switch (cap) {
            case ReplyCap r -> Capability.NULL;
            case IrqControlCap c -> Capability.NULL;
            case UntypedCap u -> {
                if (hasChildren(slot)) {
                    throw SyscallError.revokeFirst("the untyped in " + slot + " has children");
                }
                yield cap;
            }
            case FrameCap f -> new FrameCap(f.frame(), f.rights(), 0, 0);
            case PageTableCap p -> {
                if (!p.mapped()) {
                    throw SyscallError.illegalOperation("an unmapped page table cannot be copied");
                }
                yield cap;
            }
            default -> cap;
        };
    }

    /** Whether updateCapData may set a badge (Mint) or must keep badges as they are (Mutate). */
    public enum BadgeUse {
        SET,
        PRESERVE
    }

    /** seL4 maskVMRights: a frame keeps read, or read and write; write without read leaves no access. */
    public static CapRights maskVmRights(CapRights frame,
            CapRights mask) {
        boolean read = frame.read() && mask.read();
        boolean write = read && frame.write() && mask.write();
        return new CapRights((read ? 2 : 0) | (write ? 1 : 0));
    }

    /** seL4 maskCapRights: the rights a copy keeps, which can only be fewer. */
    public static Capability maskRights(CapRights mask, Capability cap) {
        return switch (cap) {
            case EndpointCap e -> new EndpointCap(e.endpoint(), e.badge(), e.rights().and(mask));
            case NotificationCap n -> new NotificationCap(n.notification(), n.badge(), n.rights().and(mask));
            case ReplyCap r -> new ReplyCap(r.tcb(), r.master(), r.canGrant() && mask.grant());
            case FrameCap f -> new FrameCap(f.frame(), maskVmRights(f.rights(), mask), f.mappedAsid(), f.mappedAddress());
            default -> cap;
        };
    }
}
