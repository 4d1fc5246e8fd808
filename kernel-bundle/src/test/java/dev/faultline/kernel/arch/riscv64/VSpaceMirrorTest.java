package dev.faultline.kernel.arch.riscv64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.faultline.emulator.memory.Permissions;
import dev.faultline.kernel.api.ObjectType;
import dev.faultline.kernel.object.Frame;
import dev.faultline.kernel.object.PageTable;

/** The page-table tree and its emulator mirror, operation by operation: the mirror holds exactly the tree's leaves. */
class VSpaceMirrorTest {

    private static final long GIB = 1L << 30;
    private static final long MIB2 = 1L << 21;

    private long nextId;
    private long nextAddress;
    private PageTable root;

    @BeforeEach
    void makeRoot() {
        nextId = 1;
        nextAddress = 0x8000_0000L;
        root = table();
        VSpace.assign(root, 7);
    }

    private PageTable table() {
        PageTable table = new PageTable(nextId++, nextAddress);
        nextAddress += 4096;
        return table;
    }

    private Frame frame(ObjectType type) {
        long size = 1L << type.sizeBits(0);
        nextAddress = (nextAddress + size - 1) & -size;
        Frame frame = new Frame(nextId++, nextAddress, type, false);
        nextAddress += size;
        return frame;
    }

    /** Maps a table at the first empty entry on the walk to vaddr, as PageTable_Map does. */
    private PageTable mapTable(long vaddr) {
        PageTable table = table();
        VSpace.Slot slot = VSpace.lookup(root, vaddr);
        VSpace.mapTable(root, slot, vaddr & -(1L << slot.coverBits()), table);
        Mirror.check(root);
        return table;
    }

    private Frame mapFrame(ObjectType type, long vaddr, Permissions permissions) {
        Frame frame = frame(type);
        VSpace.Slot slot = VSpace.lookup(root, vaddr);
        assertEquals(frame.sizeBits(), slot.coverBits(), "the walk reaches the frame's level");
        VSpace.mapFrame(root, slot, vaddr, frame, permissions);
        Mirror.check(root);
        return frame;
    }

    @Test
    void aNewRootMirrorsNothing() {
        assertEquals(0, root.addressSpace().mappedPages());
        assertEquals(7, root.asid());
        Mirror.check(root);
    }

    @Test
    void framesOfEachSizeMirrorEveryPieceAtTheirLevel() {
        mapTable(GIB);
        mapTable(GIB);
        Frame small = mapFrame(ObjectType.SMALL_PAGE, GIB + 0x3000, Permissions.RW);
        Frame mega = mapFrame(ObjectType.MEGA_PAGE, GIB + MIB2, Permissions.R);
        assertEquals(1 + 512, root.addressSpace().mappedPages());
        assertSame(small.piece(0), root.addressSpace().page(GIB + 0x3000).frame());
        assertSame(mega.piece(511), root.addressSpace().page(GIB + 2 * MIB2 - 4096).frame());
        assertEquals(Permissions.R, root.addressSpace().page(GIB + MIB2 + 4096).permissions());
    }

    @Test
    void aGigabyteFrameSitsInTheRootAndMirrorsAllItsPages() {
        Frame giga = mapFrame(ObjectType.GIGA_PAGE, 3 * GIB, Permissions.RX);
        assertEquals(1 << 18, root.addressSpace().mappedPages());
        assertSame(giga.piece((1 << 18) - 1), root.addressSpace().page(4 * GIB - 4096).frame());
        assertTrue(VSpace.unmapFrame(root, 3 * GIB, giga));
        Mirror.check(root);
        assertEquals(0, root.addressSpace().mappedPages());
    }

    @Test
    void remappingAFrameReplacesItsAccessAndInvalidatingTakesItOut() {
        mapTable(0);
        mapTable(0);
        Frame frame = mapFrame(ObjectType.SMALL_PAGE, 0x5000, Permissions.RW);
        VSpace.mapFrame(root, VSpace.lookup(root, 0x5000), 0x5000, frame, Permissions.X);
        Mirror.check(root);
        assertEquals(Permissions.X, root.addressSpace().page(0x5000).permissions());
        VSpace.invalidate(root, VSpace.lookup(root, 0x5000), 0x5000);
        Mirror.check(root);
        assertNull(root.addressSpace().page(0x5000));
    }

    @Test
    void unmappingAFrameNeedsTheSameFrameAtItsOwnSize() {
        mapTable(0);
        mapTable(0);
        Frame frame = mapFrame(ObjectType.SMALL_PAGE, 0x5000, Permissions.RW);
        assertFalse(VSpace.unmapFrame(root, 0x5000, frame(ObjectType.SMALL_PAGE)), "another frame is not unmapped");
        assertFalse(VSpace.unmapFrame(root, 0x6000, frame), "nothing is at 0x6000");
        assertTrue(VSpace.unmapFrame(root, 0x5000, frame));
        Mirror.check(root);
        assertEquals(0, frame.piece(0).mappings().size(), "the emulator frame forgot the page");
    }

    @Test
    void unmappingATableTakesEveryLeafBeneathItOutButKeepsItsEntriesUntilCleared() {
        PageTable upper = mapTable(GIB);
        PageTable lower = mapTable(GIB);
        PageTable lower2 = mapTable(GIB + 4 * MIB2);
        mapFrame(ObjectType.SMALL_PAGE, GIB, Permissions.RW);
        mapFrame(ObjectType.SMALL_PAGE, GIB + 4 * MIB2 + 0x1000, Permissions.RW);
        mapFrame(ObjectType.MEGA_PAGE, GIB + 8 * MIB2, Permissions.RW);
        mapTable(0);
        mapTable(0);
        Frame kept = mapFrame(ObjectType.SMALL_PAGE, 0x7000, Permissions.RW);

        assertTrue(VSpace.unmapTable(root, GIB, upper));
        Mirror.check(root);
        assertEquals(1, root.addressSpace().mappedPages(), "only the frame outside the table is left");
        assertSame(kept.piece(0), root.addressSpace().page(0x7000).frame());
        assertSame(lower, upper.entry(0), "seL4 leaves the unmapped table's entries in place");
        assertSame(lower2, upper.entry(4));
        assertFalse(VSpace.unmapTable(root, GIB, upper), "it is no longer in the tree");

        VSpace.clearTable(upper);
        for (int i = 0; i < PageTable.ENTRIES; i++) {
            assertNull(upper.entry(i));
        }
        VSpace.Slot slot = VSpace.lookup(root, GIB);
        VSpace.mapTable(root, slot, GIB, upper);
        Mirror.check(root);
        assertEquals(1, root.addressSpace().mappedPages(), "the cleared table brings nothing back");
    }

    @Test
    void unmappingALastLevelTableLeavesItsSiblingsMapped() {
        mapTable(0);
        PageTable first = mapTable(0);
        mapTable(MIB2);
        mapFrame(ObjectType.SMALL_PAGE, 0x1000, Permissions.RW);
        mapFrame(ObjectType.SMALL_PAGE, MIB2 + 0x1000, Permissions.RW);
        assertTrue(VSpace.unmapTable(root, 0x1000, first));
        Mirror.check(root);
        assertNull(root.addressSpace().page(0x1000));
        assertTrue(root.addressSpace().page(MIB2 + 0x1000) != null);
    }

    @Test
    void aTableMappedWithEntriesBringsItsLeavesIntoTheMirror() {
        PageTable upper = mapTable(GIB);
        mapTable(GIB);
        mapFrame(ObjectType.SMALL_PAGE, GIB + 0x2000, Permissions.RW);
        VSpace.unmapTable(root, GIB, upper);
        Mirror.check(root);
        VSpace.mapTable(root, VSpace.lookup(root, 2 * GIB), 2 * GIB, upper);
        Mirror.check(root);
        assertTrue(root.addressSpace().page(2 * GIB + 0x2000) != null, "the leaf appears at the table's new place");
    }

    @Test
    void assigningMirrorsTheTreeAndReleasingForgetsEveryPage() {
        mapTable(0);
        mapTable(0);
        Frame frame = mapFrame(ObjectType.SMALL_PAGE, 0x4000, Permissions.RW);
        VSpace.release(root);
        assertNull(root.addressSpace());
        assertEquals(0, root.asid());
        assertEquals(0, frame.piece(0).mappings().size());
        VSpace.assign(root, 9);
        Mirror.check(root);
        assertEquals(1, root.addressSpace().mappedPages(), "the tree kept its entries");
    }
}
