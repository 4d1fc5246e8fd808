package dev.faultline.kernel.arch.riscv64;

import static dev.faultline.kernel.arch.riscv64.PageTableMapTest.DELETE_FIRST;
import static dev.faultline.kernel.arch.riscv64.PageTableMapTest.FAILED_LOOKUP;
import static dev.faultline.kernel.arch.riscv64.PageTableMapTest.ILLEGAL_OPERATION;
import static dev.faultline.kernel.arch.riscv64.PageTableMapTest.INVALID_ARGUMENT;
import static dev.faultline.kernel.arch.riscv64.PageTableMapTest.INVALID_CAPABILITY;
import static dev.faultline.kernel.arch.riscv64.PageTableMapTest.TRUNCATED_MESSAGE;
import static dev.faultline.kernel.arch.riscv64.PageTableMapTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

import dev.faultline.emulator.memory.Permissions;
import dev.faultline.kernel.api.Sel4Error;
import dev.faultline.kernel.object.CNode;
import dev.faultline.kernel.object.Capability;
import dev.faultline.kernel.object.Capability.FrameCap;
import dev.faultline.kernel.object.PageTable;
import dev.faultline.kernel.object.PageTable.Mapping;

/** RISCV_Page_Map, _Unmap and _GetAddress as a root task sees them (reference §4.3). */
class PageMapTest {

    private static final long FAR = 0x8000_0000L;
    private static final long MEGA = 1L << 21;

    @Test
    void pageMapChecksItsArgumentsInSel4sOrder() {
        GuestMachine machine = run("page_map_errors");
        assertEquals(Sel4Error.ALIGNMENT_ERROR.code(), machine.result(0), "a frame at an unaligned address");
        assertEquals(INVALID_ARGUMENT, machine.result(1), "at seL4_UserTop");
        assertEquals(0, machine.result(2), "MR0: argument 0");
        assertEquals(INVALID_ARGUMENT, machine.result(5), "a 2 MiB frame past seL4_UserTop, before its alignment");
        assertEquals(INVALID_CAPABILITY, machine.result(9), "a frame is no vspace");
        assertEquals(1, machine.result(10));
        assertEquals(0, machine.result(13), "the frame maps");
        assertEquals(DELETE_FIRST, machine.result(14), "another frame is mapped there");
        assertEquals(INVALID_ARGUMENT, machine.result(15), "one cap maps one place");
        assertEquals(0, machine.result(16));
        assertEquals(0, machine.result(19), "mapped again at its place, with other rights");
        assertEquals(FAILED_LOOKUP, machine.result(20), "a 2 MiB frame where a last-level table is");
        assertEquals(12, machine.result(21), "the walk went down to the last level");
        assertEquals(0, machine.result(22), "a 2 MiB frame maps under a level-1 table");
        assertEquals(FAILED_LOOKUP, machine.result(23), "a 4 KiB frame inside the 2 MiB page");
        assertEquals(21, machine.result(24), "the walk stopped at the page");
        assertEquals(ILLEGAL_OPERATION, machine.result(25), "a frame cap takes no page-table invocation");
        assertEquals(TRUNCATED_MESSAGE, machine.result(26), "Map needs three words");
        assertEquals(3, machine.result(27), "both ends of the 2 MiB page were written and read");
        assertEquals(0, machine.result(28), "the remapped frame reads");
    }

    @Test
    void twoMegabyteFramesMapAtTheSecondLevelAndMirrorEveryPage() {
        GuestMachine machine = run("page_map_errors");
        PageTable root = machine.bootRoot();
        VSpace.Slot slot = VSpace.lookup(root, FAR + MEGA);
        assertEquals(21, slot.coverBits());
        Mapping mapping = assertInstanceOf(Mapping.class, slot.entry());
        assertEquals(21, mapping.frame().sizeBits());
        for (long offset = 0; offset < MEGA; offset += 4096) {
            assertEquals(mapping.frame().piece((int) (offset >> 12)), root.addressSpace().page(FAR + MEGA + offset).frame());
        }
        assertEquals(Permissions.R.bits() | Permissions.X.bits(), permissionsAt(root, FAR).bits(),
                "the 4 KiB frame remapped read-only, executable by default");
    }

    @Test
    void theRightsOfAMappingAreTheFrameCapsMaskedByTheRequestAndExecuteNeverClearsX() {
        GuestMachine machine = run("rights_and_attributes");
        for (int i = 0; i <= 6; i++) {
            assertEquals(0, machine.result(i), "map " + i);
        }
        PageTable root = machine.bootRoot();
        assertEquals(Permissions.RX, permissionsAt(root, FAR), "a read-only cap maps read-only");
        assertEquals(Permissions.X, permissionsAt(root, FAR + 0x1000), "write alone is kernel-only: execute only");
        assertEquals(Permissions.RX, permissionsAt(root, FAR + 0x2000), "the invalid entry was free for another frame");
        assertEquals(new Permissions(3), permissionsAt(root, FAR + 0x3000), "read-write, never executable");
        assertEquals(Permissions.RWX, permissionsAt(root, FAR + 0x4000));
        assertEquals(Permissions.X, permissionsAt(root, FAR + 0x5000), "no rights: execute only");
        FrameCap invalid = assertInstanceOf(FrameCap.class, rootCnodeCap(machine, machine.result(7)));
        assertEquals(FAR + 0x2000, invalid.mappedAddress(), "a mapping with no access still records its place");
        assertEquals(1, invalid.mappedAsid());
    }

    @Test
    void getAddressAnswersThePhysicalAddressRetypeGaveTheFrame() {
        GuestMachine machine = run("get_address");
        long untyped = machine.result(6);
        assertEquals(0, machine.result(0));
        assertEquals(untyped, machine.result(1), "the first object starts the untyped");
        assertEquals(0, machine.result(2));
        assertEquals(untyped + 4096, machine.result(3), "the second follows it");
        assertEquals(0, machine.result(4));
        assertEquals((untyped + 2 * 4096 + MEGA - 1) & -MEGA, machine.result(5), "a 2 MiB frame is aligned to 2 MiB");
    }

    static Permissions permissionsAt(PageTable root, long vaddr) {
        Object entry = VSpace.lookup(root, vaddr).entry();
        if (entry == null) {
            assertNull(root.addressSpace().page(vaddr));
            return null;
        }
        return assertInstanceOf(Mapping.class, entry).permissions();
    }

    /** The cap in a slot of the root task's CNode (the first CNode boot makes). */
    static Capability rootCnodeCap(GuestMachine machine, long slot) {
        return machine.kernel.objects().all(CNode.class).get(0).slot(slot).cap();
    }
}
