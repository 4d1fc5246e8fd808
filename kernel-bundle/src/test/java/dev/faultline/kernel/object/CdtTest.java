package dev.faultline.kernel.object;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.faultline.kernel.api.CapRights;
import dev.faultline.kernel.api.SyscallError;
import dev.faultline.kernel.object.Capability.EndpointCap;
import dev.faultline.kernel.object.Capability.ReplyCap;
import dev.faultline.kernel.object.Capability.UntypedCap;

/** The capability derivation tree: who is whose parent, what revoke and delete remove, what is final. */
class CdtTest {

    private final CNode cnode = new CNode(1, 0x1000_0000L, 6);
    private final Endpoint endpoint = new Endpoint(2, 0x2000);
    private final List<String> finalised = new ArrayList<>();
    private final Cdt.Finaliser finaliser = (cap, isFinal) -> finalised.add(cap + (isFinal ? " final" : ""));

    private Cte slot(int i) {
        return cnode.slot(i);
    }

    private EndpointCap ep(long badge) {
        return new EndpointCap(endpoint, badge, CapRights.ALL);
    }

    @Test
    void anUnbadgedCopyIsASiblingButABadgedMintIsAChild() {
        Cdt.insertOriginal(ep(0), slot(0));
        Cdt.insert(ep(0), slot(0), slot(1));
        Cdt.insert(ep(5), slot(0), slot(2));
        assertTrue(Cdt.isParentOf(slot(0), slot(2)), "the original's badged mint descends from it");
        assertFalse(slot(1).isRevocable(), "an unbadged copy cannot have children");
        assertTrue(slot(2).isRevocable() && slot(2).isFirstBadged());
    }

    @Test
    void revokeDeletesEveryDescendantAndNothingElse() {
        Cdt.insertOriginal(ep(0), slot(0));
        Cdt.insert(ep(5), slot(0), slot(1));
        Cdt.insert(ep(5), slot(1), slot(2));
        Cdt.insert(ep(6), slot(0), slot(3));
        Cte other = cnode.slot(10);
        Cdt.insertOriginal(new EndpointCap(new Endpoint(3, 0x3000), 0, CapRights.ALL), other);
        Cdt.revoke(slot(0), finaliser);
        assertTrue(slot(1).isEmpty() && slot(2).isEmpty() && slot(3).isEmpty());
        assertFalse(slot(0).isEmpty(), "revoke keeps the cap itself");
        assertFalse(other.isEmpty(), "an unrelated cap stays");
        assertTrue(finalised.stream().noneMatch(f -> f.endsWith("final")), "the original still names the endpoint");
    }

    @Test
    void revokingABadgedCapRemovesItsCopiesButNotOtherBadges() {
        Cdt.insertOriginal(ep(0), slot(0));
        Cdt.insert(ep(5), slot(0), slot(1));
        Cdt.insert(ep(5), slot(1), slot(2));
        Cdt.insert(ep(7), slot(0), slot(3));
        Cdt.revoke(slot(1), finaliser);
        assertTrue(slot(2).isEmpty(), "a copy of badge 5 derives from the first badge-5 cap");
        assertFalse(slot(3).isEmpty(), "badge 7 does not");
    }

    @Test
    void deletingTheLastCapFinalisesTheObject() {
        Cdt.insertOriginal(ep(0), slot(0));
        Cdt.insert(ep(0), slot(0), slot(1));
        Cdt.delete(slot(1), finaliser);
        assertEquals(List.of(ep(0).toString()), finalised, "not final: the original remains");
        Cdt.delete(slot(0), finaliser);
        assertEquals(ep(0) + " final", finalised.get(1));
    }

    @Test
    void moveKeepsTheCapsPlaceInTheTree() {
        Cdt.insertOriginal(ep(0), slot(0));
        Cdt.insert(ep(5), slot(0), slot(1));
        Cdt.move(slot(0).cap(), slot(0), slot(4));
        assertTrue(slot(0).isEmpty());
        assertTrue(Cdt.isParentOf(slot(4), slot(1)), "the moved cap is still the parent");
        Cdt.revoke(slot(4), finaliser);
        assertTrue(slot(1).isEmpty());
    }

    @Test
    void swapExchangesNeighboursInTheTree() {
        Cdt.insertOriginal(ep(0), slot(0));
        Cdt.insert(ep(5), slot(0), slot(1));
        Cdt.swap(slot(0).cap(), slot(0), slot(1).cap(), slot(1));
        assertEquals(ep(5), slot(0).cap());
        assertEquals(ep(0), slot(1).cap());
        assertTrue(slot(1).mdbNext() == slot(0) && slot(0).mdbPrev() == slot(1), "links follow the caps");
    }

    @Test
    void replyCapsCannotBeCopiedAndAnUntypedWithChildrenCannotBeDerived() throws SyscallError {
        Tcb tcb = new Tcb(5, 0x5000, "t");
        assertTrue(Cdt.derive(tcb.slot(TcbSlot.REPLY), new ReplyCap(tcb, false, true)).isNull());
        Untyped untyped = new Untyped(6, 0x1000_0000L, 12, false);
        Cdt.insertOriginal(new UntypedCap(untyped, 0), slot(20));
        Cdt.insertNew(new EndpointCap(new Endpoint(7, 0x1000_0000L), 0, CapRights.ALL), slot(20), slot(21));
        SyscallError error = assertThrows(SyscallError.class, () -> Cdt.derive(slot(20), slot(20).cap()));
        assertEquals(dev.faultline.kernel.api.Sel4Error.REVOKE_FIRST, error.error());
    }

    @Test
    void mintSetsABadgeOnlyOnAnUnbadgedCap() {
        assertEquals(9, ((EndpointCap) Cdt.updateCapData(Cdt.BadgeUse.SET, 9, ep(0))).badge());
        assertTrue(Cdt.updateCapData(Cdt.BadgeUse.SET, 9, ep(3)).isNull());
        assertTrue(Cdt.updateCapData(Cdt.BadgeUse.PRESERVE, 9, ep(0)).isNull());
    }

    @Test
    void aCNodeGuardFromCapDataIsMaskedToItsSize() {
        Capability.CNodeCap cap = new Capability.CNodeCap(cnode, 0, 0);
        long data = (0b1011L << 6) | 3;
        Capability.CNodeCap guarded = (Capability.CNodeCap) Cdt.updateCapData(Cdt.BadgeUse.PRESERVE, data, cap);
        assertEquals(3, guarded.guardSize());
        assertEquals(0b011, guarded.guard());
        assertTrue(Cdt.updateCapData(Cdt.BadgeUse.SET, 60, cap).isNull(), "guard 60 + radix 6 exceeds 64 bits");
    }
}
