package dev.faultline.kernel.arch.riscv64;

import static dev.faultline.kernel.arch.riscv64.PageTableMapTest.DELETE_FIRST;
import static dev.faultline.kernel.arch.riscv64.PageTableMapTest.FAILED_LOOKUP;
import static dev.faultline.kernel.arch.riscv64.PageTableMapTest.ILLEGAL_OPERATION;
import static dev.faultline.kernel.arch.riscv64.PageTableMapTest.INVALID_CAPABILITY;
import static dev.faultline.kernel.arch.riscv64.PageTableMapTest.REVOKE_FIRST;
import static dev.faultline.kernel.arch.riscv64.PageTableMapTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

import dev.faultline.kernel.api.Sel4Error;
import dev.faultline.kernel.object.CNode;
import dev.faultline.kernel.object.Capability.PageTableCap;
import dev.faultline.kernel.object.Cte;
import dev.faultline.kernel.object.PageTable;

/** RISCV_ASIDControl_MakePool and RISCV_ASIDPool_Assign, and what a pool's deletion does to its VSpaces. */
class AsidPoolTest {

    @Test
    void makePoolAndAssignFollowSel4sRules() {
        GuestMachine machine = run("asid_pool_rules");
        assertEquals(INVALID_CAPABILITY, machine.result(0), "a 16 KiB untyped");
        assertEquals(1, machine.result(1), "MR0: the untyped is cap 1");
        assertEquals(REVOKE_FIRST, machine.result(4), "an untyped with children");
        assertEquals(DELETE_FIRST, machine.result(5), "the destination slot holds a cap");
        assertEquals(Sel4Error.RANGE_ERROR.code(), machine.result(6), "depth 0 is no slot");
        assertEquals(0, machine.result(7), "the pool is made");
        assertEquals(Sel4Error.NOT_ENOUGH_MEMORY.code(), machine.result(8), "the pool uses the whole untyped");
        assertEquals(0, machine.result(9), "a table becomes a root");
        assertEquals(INVALID_CAPABILITY, machine.result(10), "a root cannot be assigned again");
        assertEquals(1, machine.result(11));
        assertEquals(0, machine.result(14), "a second root from the boot pool");
        assertEquals(REVOKE_FIRST, machine.result(15), "a root cannot be unmapped");
        assertEquals(INVALID_CAPABILITY, machine.result(16), "a frame mapped in one VSpace, mapped in another");
        assertEquals(1, machine.result(17));
        assertEquals(ILLEGAL_OPERATION, machine.result(20), "a pool does not make pools");
        assertEquals(ILLEGAL_OPERATION, machine.result(21), "ASID control does not assign");
        assertEquals(0, machine.result(22), "the pool is deleted");
        assertEquals(FAILED_LOOKUP, machine.result(23), "PageTable_Map in a VSpace whose ASID is gone");
        assertEquals(0, machine.result(24), "MR0: not the source");
        assertEquals(1, machine.result(25), "MR1: an invalid root");
        assertEquals(FAILED_LOOKUP, machine.result(27), "Page_Map in it");
        assertEquals(1, machine.result(29));
        assertEquals(0, machine.result(31), "a root whose ASID is gone is just a mapped table: it unmaps");
        assertEquals(0, machine.result(32), "and can become a root again");
        assertEquals(FAILED_LOOKUP, machine.result(33), "a fresh root has no tables");
        assertEquals(30, machine.result(34));
    }

    @Test
    void assignGivesTheFirstFreeAsidAndRecordsItInTheCap() {
        GuestMachine machine = run("asid_pool_rules");
        // Boot's pool 0 holds ASID 1; the made pool was number 1 (ASIDs 512..1023) and is gone.
        PageTableCap second = capOf(machine, machine.kernel.asids().root(2));
        assertEquals(2, second.mappedAsid());
        assertEquals(0, second.mappedAddress());
        assertEquals(3, machine.kernel.asids().root(3).asid(), "the cleared root got the next ASID");
        assertNull(machine.kernel.asids().pool(1), "the deleted pool is out of the ASID table");
    }

    @Test
    void theAsidTableRunsOutAfter127NewPools() {
        GuestMachine machine = run("asid_pools_run_out");
        assertEquals(127, machine.result(0), "pool 0 is the root task's");
        assertEquals(DELETE_FIRST, machine.result(1));
    }

    @Test
    void deletingTheLastCapToATableUnmapsItAndToARootFreesItsAsid() {
        GuestMachine machine = run("deleted_tables_and_roots");
        assertEquals(0, machine.result(0), "the last-level table's cap is deleted");
        assertEquals(FAILED_LOOKUP, machine.result(1), "so the walk misses it");
        assertEquals(21, machine.result(2));
        assertNull(machine.bootRoot().addressSpace().page(0x8000_0000L), "and its frame left the mirror");
        assertEquals(0, machine.result(3));
        assertEquals(0, machine.result(4), "a frame mapped in the new root");
        assertEquals(0, machine.result(5), "the root's only cap is deleted");
        assertEquals(0, machine.result(6), "its ASID is free for the next root");
        PageTable next = machine.kernel.asids().root(2);
        assertEquals(30, VSpace.lookup(next, 0x8000_0000L).coverBits(), "the next root is a fresh table");
        assertEquals(0, next.addressSpace().mappedPages());
    }

    /** The cap of a table in the root CNode. */
    private static PageTableCap capOf(GuestMachine machine, PageTable table) {
        CNode cnode = machine.kernel.objects().all(CNode.class).get(0);
        for (int i = 0; i < cnode.size(); i++) {
            Cte slot = cnode.existingSlot(i);
            if (slot != null && slot.cap() instanceof PageTableCap cap && cap.table() == table) {
                return cap;
            }
        }
        throw new AssertionError(table + " has no cap in the root CNode");
    }
}
