package dev.faultline.kernel.arch.riscv64;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.faultline.kernel.Kernel;
import dev.faultline.kernel.api.Sel4Error;
import dev.faultline.kernel.journal.KernelEvent;

/** RISCV_PageTable_Map and _Unmap as a root task sees them: error codes and message registers (reference §4.3). */
class PageTableMapTest {

    static final long FAILED_LOOKUP = Sel4Error.FAILED_LOOKUP.code();
    static final long INVALID_ARGUMENT = Sel4Error.INVALID_ARGUMENT.code();
    static final long INVALID_CAPABILITY = Sel4Error.INVALID_CAPABILITY.code();
    static final long ILLEGAL_OPERATION = Sel4Error.ILLEGAL_OPERATION.code();
    static final long TRUNCATED_MESSAGE = Sel4Error.TRUNCATED_MESSAGE.code();
    static final long DELETE_FIRST = Sel4Error.DELETE_FIRST.code();
    static final long REVOKE_FIRST = Sel4Error.REVOKE_FIRST.code();
    static final long MISSING_CAPABILITY = 2;

    static GuestMachine run(String caseName) {
        GuestMachine machine = GuestMachine.vspaceCase(caseName);
        assertEquals(Kernel.Exit.IDLE, machine.run(), machine.console.toString());
        return machine;
    }

    @Test
    void mappingTwoTablesLetsAFrameBeMappedAndTouched() {
        GuestMachine machine = run("map_tables_then_frame");
        assertEquals(FAILED_LOOKUP, machine.result(0), "Page_Map with no level-1 table");
        assertEquals(0, machine.result(1), "MR0: not the source");
        assertEquals(MISSING_CAPABILITY, machine.result(2), "MR1: a missing capability");
        assertEquals(30, machine.result(3), "MR2: bits left");
        assertEquals(30, machine.result(4), "seL4_MappingFailedLookupLevel()");
        assertEquals(0, machine.result(5), "the level-1 table maps");
        assertEquals(FAILED_LOOKUP, machine.result(6));
        assertEquals(21, machine.result(7), "then the last-level table is missing");
        assertEquals(0, machine.result(8), "the last-level table maps");
        assertEquals(0, machine.result(9), "the frame maps");
        assertEquals(0, machine.result(10), "a new frame reads as zeros");
        assertEquals(0xfeed, machine.result(11));
        assertEquals(0xbeef, machine.result(12));
        assertEquals("mapped and touched\n", machine.console.toString());
        List<String> operations = machine.kernel.journal().events(KernelEvent.CapOperation.class).stream()
                .map(KernelEvent.CapOperation::operation).filter(o -> o.startsWith("map")).toList();
        assertEquals(List.of("map page table", "map page table", "map page"), operations, "the journal shows each mapping");
    }

    @Test
    void pageTableMapChecksItsArgumentsInSel4sOrder() {
        GuestMachine machine = run("page_table_map_errors");
        assertEquals(INVALID_ARGUMENT, machine.result(0), "seL4_UserTop is not a user address");
        assertEquals(0, machine.result(1), "MR0: argument 0");
        assertEquals(DELETE_FIRST, machine.result(4), "every level is there already at the image");
        assertEquals(INVALID_CAPABILITY, machine.result(5), "a frame is no vspace");
        assertEquals(1, machine.result(6), "MR0: extra cap 0 is cap 1");
        assertEquals(INVALID_CAPABILITY, machine.result(9), "an unmapped table is no vspace");
        assertEquals(1, machine.result(10));
        assertEquals(0, machine.result(13), "the table maps");
        assertEquals(INVALID_CAPABILITY, machine.result(14), "a mapped table cannot be mapped again");
        assertEquals(0, machine.result(15), "MR0: the invoked cap");
        assertEquals(INVALID_CAPABILITY, machine.result(18), "already mapped is checked before seL4_UserTop");
        assertEquals(0, machine.result(19));
        assertEquals(INVALID_CAPABILITY, machine.result(22), "a table under the root is no vspace");
        assertEquals(1, machine.result(23));
        assertEquals(0, machine.result(26), "a 2 MiB page maps under the level-1 table");
        assertEquals(DELETE_FIRST, machine.result(27), "a page sits where the table would go");
        assertEquals(ILLEGAL_OPERATION, machine.result(28), "a page-table cap takes no page invocation");
        assertEquals(TRUNCATED_MESSAGE, machine.result(29), "Map needs two words");
        assertEquals(0, machine.result(30), "the next table goes one level lower");
        assertEquals(DELETE_FIRST, machine.result(31), "the walk is complete");
    }

    @Test
    void unmapNeedsTheOnlyCapAndNeverTakesARoot() {
        GuestMachine machine = run("page_table_unmap_rules");
        assertEquals(0, machine.result(0));
        assertEquals(REVOKE_FIRST, machine.result(1), "a copy of the cap exists");
        assertEquals(REVOKE_FIRST, machine.result(2), "the root task's VSpace (its TCB holds a copy)");
        assertEquals(0, machine.result(3), "the copy is deleted");
        assertEquals(0, machine.result(4), "now it unmaps");
        assertEquals(0, machine.result(5), "unmapping an unmapped table does nothing");
        assertEquals(ILLEGAL_OPERATION, machine.result(6), "an unmapped table's cap cannot be copied");
        assertEquals(0, machine.result(7), "it maps again");
    }

    @Test
    void aFrameCapKeepsItsMappingWhenItsTableGoesAndComesBackOnlyThere() {
        GuestMachine machine = run("frame_outlives_its_table");
        assertEquals(0, machine.result(0));
        assertEquals(0, machine.result(1), "the last-level table unmaps");
        assertEquals(FAILED_LOOKUP, machine.result(2), "the table is missing again");
        assertEquals(21, machine.result(3));
        assertEquals(0, machine.result(4), "the cleared table maps again");
        assertEquals(INVALID_ARGUMENT, machine.result(5), "the frame cap still records its first place");
        assertEquals(0, machine.result(6));
        assertEquals(0, machine.result(9), "at that place it maps");
        assertEquals(77, machine.result(10), "with the contents it had");
    }
}
