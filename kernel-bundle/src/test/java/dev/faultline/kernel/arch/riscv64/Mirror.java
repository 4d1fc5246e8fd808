package dev.faultline.kernel.arch.riscv64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;

import dev.faultline.emulator.memory.AddressSpace;
import dev.faultline.emulator.memory.Frame;
import dev.faultline.emulator.memory.Page;
import dev.faultline.emulator.memory.Permissions;
import dev.faultline.kernel.object.AsidPool;
import dev.faultline.kernel.object.PageTable;

/** The check that a root's emulator address space holds exactly the leaves of its page-table tree. */
final class Mirror {

    private Mirror() {
    }

    /** One 4 KiB page of a mapping: where, which emulator frame, with what access. */
    record Leaf(long vaddr, Frame frame, Permissions permissions) {
    }

    /** The 4 KiB pages the tree under root maps, in address order. */
    static List<Leaf> treeLeaves(PageTable root) {
        List<Leaf> leaves = new ArrayList<>();
        VSpace.walkLeaves(root, 0, 0, (vaddr, mapping) -> {
            for (int i = 0; i < mapping.frame().pieceCount(); i++) {
                leaves.add(new Leaf(vaddr + ((long) i << 12), mapping.frame().piece(i), mapping.permissions()));
            }
        });
        return leaves;
    }

    static List<Leaf> spaceLeaves(AddressSpace space) {
        List<Leaf> leaves = new ArrayList<>();
        for (Page page : space.pages()) {
            leaves.add(new Leaf(page.address(), page.frame(), page.permissions()));
        }
        return leaves;
    }

    /** Fails unless root's address space mirrors its tree exactly. */
    static void check(PageTable root) {
        List<Leaf> tree = treeLeaves(root);
        List<Leaf> space = spaceLeaves(root.addressSpace());
        assertEquals(tree.size(), space.size(), root.label() + ": pages in the tree and in the address space");
        for (int i = 0; i < tree.size(); i++) {
            Leaf expected = tree.get(i);
            Leaf actual = space.get(i);
            assertEquals(expected.vaddr(), actual.vaddr(), root.label() + ": page " + i);
            assertSame(expected.frame(), actual.frame(), String.format("%s: frame at 0x%x", root.label(), actual.vaddr()));
            assertEquals(expected.permissions(), actual.permissions(),
                    String.format("%s: access at 0x%x", root.label(), actual.vaddr()));
        }
    }

    /** Checks every root an ASID names. */
    static void checkLiveRoots(AsidTable asids) {
        for (int p = 0; p < 1 << AsidTable.POOL_BITS; p++) {
            AsidPool pool = asids.pool(p);
            if (pool == null) {
                continue;
            }
            for (int i = 0; i < AsidPool.ENTRIES; i++) {
                PageTable root = pool.root(i);
                if (root != null) {
                    check(root);
                }
            }
        }
    }
}
