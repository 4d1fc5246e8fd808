package dev.faultline.kernel.arch.riscv64;

import dev.faultline.emulator.memory.AddressSpace;
import dev.faultline.emulator.memory.Page;
import dev.faultline.emulator.memory.Permissions;
import dev.faultline.kernel.object.Frame;
import dev.faultline.kernel.object.PageTable;
import dev.faultline.kernel.object.PageTable.Mapping;

/**
 * Sv39 virtual address spaces as seL4 riscv builds them (src/arch/riscv/kernel/vspace.c): a root
 * page table with an ASID, tables for 1 GiB and 2 MiB regions below it, frames at the leaves.
 * Every leaf reachable from a root is mirrored into the root's emulator address space, which the
 * hart runs on; a table taken out of the tree takes its leaves out of the mirror with it.
 */
public final class VSpace {

    /** seL4_UserTop: the first address above user space. */
    public static final long USER_TOP = 0x0000_003f_ffff_f000L;
    /** Bits of address each level's entry covers: 1 GiB at the root, then 2 MiB, then 4 KiB. */
    public static final int[] LEVEL_BITS = {30, 21, 12};
    /** seL4_PageBits: what a last-level entry covers. */
    public static final int PAGE_BITS = 12;

    private VSpace() {
    }

    /** Where a walk towards vaddr stopped: the table, the entry's index, and the bits that entry covers. */
    public record Slot(PageTable table, int index, int coverBits) {
        public Object entry() {
            return table.entry(index);
        }
    }

    public static int index(long vaddr, int coverBits) {
        return (int) (vaddr >>> coverBits) & (PageTable.ENTRIES - 1);
    }

    /**
     * seL4 lookupPTSlot: follows tables from root towards vaddr to the first entry that is not a
     * table (or the last level's entry); its coverBits is seL4's ptBitsLeft.
     */
    public static Slot lookup(PageTable root, long vaddr) {
        PageTable table = root;
        for (int level = 0; ; level++) {
            int coverBits = LEVEL_BITS[level];
            int index = index(vaddr, coverBits);
            Object entry = table.entry(index);
            if (!(entry instanceof PageTable next) || level == LEVEL_BITS.length - 1) {
                return new Slot(table, index, coverBits);
            }
            table = next;
        }
    }

    /** Maps frame at vaddr in slot (found by lookup, with the frame's own size), mirrored into root's space. */
    public static void mapFrame(PageTable root, Slot slot, long vaddr, Frame frame, Permissions permissions) {
        invalidate(root, slot, vaddr);
        slot.table().setEntry(slot.index(), new Mapping(frame, permissions));
        mirror(root.addressSpace(), vaddr, frame, permissions);
    }

    /**
     * Makes the entry at slot invalid, as seL4's makeUserPTE does for a mapping that grants no
     * access at all (kernel-only rights and ExecuteNever): whatever was there leaves the mirror.
     */
    public static void invalidate(PageTable root, Slot slot, long vaddr) {
        if (slot.entry() instanceof Mapping previous) {
            unmirror(root.addressSpace(), vaddr, previous.frame());
        }
        slot.table().setEntry(slot.index(), null);
    }

    /** seL4 unmapPage: removes the mapping of frame at vaddr, if the entry there is that frame at its size. */
    public static boolean unmapFrame(PageTable root, long vaddr, Frame frame) {
        Slot slot = lookup(root, vaddr);
        if (!(slot.entry() instanceof Mapping mapping) || mapping.frame() != frame
                || slot.coverBits() != frame.sizeBits()) {
            return false;
        }
        slot.table().setEntry(slot.index(), null);
        unmirror(root.addressSpace(), vaddr, frame);
        return true;
    }

    /** Places an empty table in the empty entry slot (boot and loaders, whose tables are fresh). */
    public static void mapTable(Slot slot, PageTable table) {
        slot.table().setEntry(slot.index(), table);
    }

    /** Places table in the empty entry slot of root's tree, where it covers from base; its leaves join the mirror. */
    public static void mapTable(PageTable root, Slot slot, long base, PageTable table) {
        slot.table().setEntry(slot.index(), table);
        mirrorBeneath(root.addressSpace(), table, base, levelOf(slot.coverBits()) + 1);
    }

    /**
     * seL4 unmapPageTable: takes table out of root's tree where it is mapped at vaddr, if it is
     * found there. As in seL4 the table keeps its entries (the Unmap invocation clears them,
     * deleting a cap does not), but nothing beneath it is reachable any more, so its leaves
     * leave the mirror.
     */
    public static boolean unmapTable(PageTable root, long vaddr, PageTable table) {
        PageTable parent = root;
        for (int level = 0; level < LEVEL_BITS.length - 1; level++) {
            int index = index(vaddr, LEVEL_BITS[level]);
            Object entry = parent.entry(index);
            if (!(entry instanceof PageTable next)) {
                return false;
            }
            if (next == table) {
                parent.setEntry(index, null);
                unmirrorBeneath(root.addressSpace(), table, vaddr & -(1L << LEVEL_BITS[level]), level + 1);
                return true;
            }
            parent = next;
        }
        return false;
    }

    /** seL4 clearMemory on an unmapped page table: every entry becomes invalid (the table is out of any tree). */
    public static void clearTable(PageTable table) {
        for (int i = 0; i < PageTable.ENTRIES; i++) {
            table.setEntry(i, null);
        }
    }

    /** Makes root a VSpace root with asid and a fresh address space mirroring what its tree already holds. */
    public static void assign(PageTable root, long asid) {
        root.assign(asid, new AddressSpace());
        mirrorBeneath(root.addressSpace(), root, 0, 0);
    }

    /**
     * The table stops being a VSpace root for good: it is cleared by an Unmap, or its object is
     * going. Its mirror is emptied (so the emulator frames forget those pages) and it has no ASID.
     */
    public static void release(PageTable root) {
        AddressSpace space = root.addressSpace();
        if (space != null) {
            for (Page page : space.pages()) {
                space.unmap(page.address());
            }
        }
        root.assign(0, null);
    }

    private static int levelOf(int coverBits) {
        for (int level = 0; level < LEVEL_BITS.length; level++) {
            if (LEVEL_BITS[level] == coverBits) {
                return level;
            }
        }
        throw new IllegalArgumentException("no level covers " + coverBits + " bits");
    }

    private static void mirror(AddressSpace space, long vaddr, Frame frame, Permissions permissions) {
        if (space != null) {
            for (int i = 0; i < frame.pieceCount(); i++) {
                space.map(vaddr + ((long) i << PAGE_BITS), frame.piece(i), permissions);
            }
        }
    }

    private static void unmirror(AddressSpace space, long vaddr, Frame frame) {
        if (space != null) {
            for (int i = 0; i < frame.pieceCount(); i++) {
                space.unmap(vaddr + ((long) i << PAGE_BITS));
            }
        }
    }

    /** Mirrors every leaf beneath table, whose first address is base, at level. */
    private static void mirrorBeneath(AddressSpace space, PageTable table, long base, int level) {
        walkLeaves(table, base, level, (vaddr, mapping) -> mirror(space, vaddr, mapping.frame(), mapping.permissions()));
    }

    private static void unmirrorBeneath(AddressSpace space, PageTable table, long base, int level) {
        walkLeaves(table, base, level, (vaddr, mapping) -> unmirror(space, vaddr, mapping.frame()));
    }

    /** What a walk over a tree's leaves does at each: the leaf's address and its mapping. */
    @FunctionalInterface
    public interface LeafVisitor {
        void visit(long vaddr, Mapping mapping);
    }

    /** Visits every leaf beneath table (whose first address is base, at level), in address order. */
    public static void walkLeaves(PageTable table, long base, int level, LeafVisitor visitor) {
        for (int i = 0; i < PageTable.ENTRIES; i++) {
            Object entry = table.entry(i);
            long vaddr = base + ((long) i << LEVEL_BITS[level]);
            if (entry instanceof Mapping mapping) {
                visitor.visit(vaddr, mapping);
            } else if (entry instanceof PageTable child && level + 1 < LEVEL_BITS.length) {
                walkLeaves(child, vaddr, level + 1, visitor);
            }
        }
    }
}
