package dev.faultline.kernel.invariant;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.faultline.kernel.object.Capability;
import dev.faultline.kernel.object.Capability.CNodeCap;
import dev.faultline.kernel.object.Capability.FrameCap;
import dev.faultline.kernel.object.Capability.PageTableCap;
import dev.faultline.kernel.object.Capability.ReplyCap;
import dev.faultline.kernel.object.Capability.UntypedCap;
import dev.faultline.kernel.object.Cdt;
import dev.faultline.kernel.object.Cte;
import dev.faultline.kernel.object.KernelObject;
import dev.faultline.kernel.object.ObjectSpace;
import dev.faultline.kernel.object.Tcb;
import dev.faultline.kernel.object.TcbSlot;
import dev.faultline.kernel.object.ThreadState;

/**
 * The capability derivation tree and the caps in it are consistent (seL4's valid_mdb, valid_caps,
 * valid_reply_caps and untyped_inc): links point back, every chain ends (no cycles), no cap names a
 * dead object, a TCB's own slots hold the caps they are for, a one-shot reply cap exists only for
 * a thread waiting for that reply (and only one), and what an untyped made lies below its watermark.
 */
final class CdtInvariants {

    private final ObjectSpace objects;
    private final List<Cte> slots;
    private final Findings findings;

    /** slots: every slot of every live CNode that was ever used, and every live TCB's own slots. */
    CdtInvariants(ObjectSpace objects, List<Cte> slots, Findings findings) {
        this.objects = objects;
        this.slots = slots;
        this.findings = findings;
    }

    void check() {
        Set<Cte> known = Collections.newSetFromMap(new IdentityHashMap<>(slots.size() * 2));
        known.addAll(slots);
        int filled = 0;
        Map<Tcb, Cte> replyCaps = new IdentityHashMap<>();
        for (Cte slot : slots) {
            if (slot.isEmpty()) {
                if (slot.mdbPrev() != null || slot.mdbNext() != null) {
                    findings.add("cdt links", slot, "empty but linked to " + slot.mdbPrev() + " and " + slot.mdbNext());
                }
                continue;
            }
            filled++;
            checkLinks(slot, known);
            checkCap(slot, replyCaps);
        }
        checkChains(filled);
    }

    private void checkLinks(Cte slot, Set<Cte> known) {
        Cte prev = slot.mdbPrev();
        Cte next = slot.mdbNext();
        if (prev != null && (prev.mdbNext() != slot || prev.isEmpty() || !known.contains(prev))) {
            findings.add("cdt links", slot, "its previous entry " + prev + " does not link back (or is empty or dead)");
        }
        if (next != null && (next.mdbPrev() != slot || next.isEmpty() || !known.contains(next))) {
            findings.add("cdt links", slot, "its next entry " + next + " does not link back (or is empty or dead)");
        }
    }

    private void checkCap(Cte slot, Map<Tcb, Cte> replyCaps) {
        Capability cap = slot.cap();
        KernelObject object = cap.object();
        if (object != null && objects.find(object.id()) != object) {
            findings.add("caps name live objects", slot, "holds " + cap + ", whose object was destroyed");
        }
        if (slot.owner() instanceof Tcb owner) {
            checkTcbSlot(slot, owner, TcbSlot.values()[slot.index()]);
        }
        if (cap instanceof ReplyCap reply && !reply.master()) {
            Cte other = replyCaps.put(reply.tcb(), slot);
            if (other != null) {
                findings.add("one reply cap per caller", reply.tcb().label(), "reply caps in " + other + " and " + slot);
            }
            if (reply.tcb().state() != ThreadState.BLOCKED_ON_REPLY) {
                findings.add("reply caps name waiting callers", slot, "holds " + cap + " but the caller is "
                        + reply.tcb().state());
            }
        } else if (cap instanceof ReplyCap reply && (slot.owner() != reply.tcb() || slot.index() != TcbSlot.REPLY.ordinal())) {
            findings.add("tcb slots", slot, "a master reply cap outside its own TCB's reply slot: " + cap);
        }
    }

    private void checkTcbSlot(Cte slot, Tcb owner, TcbSlot which) {
        Capability cap = slot.cap();
        boolean fits = switch (which) {
            case CSPACE_ROOT -> cap instanceof CNodeCap;
            case VSPACE_ROOT -> cap instanceof PageTableCap;
            case REPLY -> cap instanceof ReplyCap r && r.master() && r.tcb() == owner;
            case CALLER -> cap instanceof ReplyCap r && !r.master();
            case IPC_BUFFER -> cap instanceof FrameCap;
        };
        if (!fits) {
            findings.add("tcb slots", slot, "holds " + cap);
        }
    }

    /**
     * Walks every chain from its first entry, keeping the untyped ancestors on a stack (a cap's
     * descendants follow it): every filled slot must be reached (else it sits on a cycle), and
     * everything an untyped made must lie in the part below its free index.
     */
    private void checkChains(int filled) {
        int reached = 0;
        Deque<Cte> untypeds = new ArrayDeque<>();
        for (Cte head : slots) {
            if (head.isEmpty() || head.mdbPrev() != null) {
                continue;
            }
            untypeds.clear();
            for (Cte slot = head; slot != null; slot = slot.mdbNext()) {
                if (++reached > filled) {
                    findings.add("cdt acyclic", head, "the chain from here does not end");
                    return;
                }
                while (!untypeds.isEmpty() && !Cdt.isParentOf(untypeds.peek(), slot)) {
                    untypeds.pop();
                }
                if (!untypeds.isEmpty()) {
                    checkWithinWatermark(untypeds.peek(), slot);
                }
                if (slot.cap() instanceof UntypedCap u) {
                    checkUntyped(slot, u);
                    untypeds.push(slot);
                }
            }
        }
        if (reached != filled) {
            findings.add("cdt acyclic", "the derivation tree", (filled - reached) + " filled slots lie on no chain"
                    + " from a first entry (a cycle)");
        }
    }

    private void checkUntyped(Cte slot, UntypedCap cap) {
        if (cap.freeIndex() < 0 || cap.freeIndex() > cap.untyped().sizeBytes()) {
            findings.add("untyped watermark", slot, "free index " + cap.freeIndex() + " outside 0.."
                    + cap.untyped().sizeBytes());
        }
    }

    private void checkWithinWatermark(Cte untypedSlot, Cte child) {
        UntypedCap untyped = (UntypedCap) untypedSlot.cap();
        KernelObject object = child.cap().object();
        // A copy of the untyped cap itself covers the same memory with a watermark of its own.
        if (object == null || object == untyped.untyped()) {
            return;
        }
        long base = untyped.untyped().physicalAddress();
        long used = base + untyped.freeIndex();
        long end = object.physicalAddress() + (1L << object.sizeBits());
        if (object.physicalAddress() < base || end > used) {
            findings.add("untyped watermark", child, String.format("%s lies at 0x%x..0x%x, outside the used part"
                    + " 0x%x..0x%x of %s", object.label(), object.physicalAddress(), end, base, used, untypedSlot));
        }
    }
}
