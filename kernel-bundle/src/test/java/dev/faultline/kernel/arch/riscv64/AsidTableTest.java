package dev.faultline.kernel.arch.riscv64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

import dev.faultline.kernel.object.AsidPool;
import dev.faultline.kernel.object.PageTable;

/** The ASID table: what an ASID names (findVSpaceForASID) and what deleting an ASID or a pool removes. */
class AsidTableTest {

    private final AsidTable asids = new AsidTable();
    private final AsidPool pool = new AsidPool(1, 0x8000_0000L);
    private final PageTable root = new PageTable(2, 0x8000_1000L);

    @Test
    void anAsidNamesTheRootInItsPoolsEntryAndAsidZeroNamesNothing() {
        asids.setPool(3, pool);
        pool.setRoot(5, root);
        assertSame(root, asids.root(3 * 512 + 5));
        assertNull(asids.root(3 * 512 + 6));
        assertNull(asids.root(0));
        assertNull(asids.root(1L << 16), "past the last pool");
        assertEquals(0, asids.freePoolIndex());
    }

    @Test
    void deletingAnAsidOnlyForgetsTheRootItStillNames() {
        asids.setPool(0, pool);
        pool.setRoot(1, root);
        asids.deleteAsid(1, new PageTable(9, 0x9000_0000L));
        assertSame(root, asids.root(1), "another table's ASID deletion leaves it");
        asids.deleteAsid(1, root);
        assertNull(asids.root(1));
    }

    @Test
    void deletingAPoolOnlyEmptiesTheSlotItStillHolds() {
        asids.setPool(2, pool);
        pool.setRoot(0, root);
        asids.deleteAsidPool(3 * 512, pool);
        assertSame(root, asids.root(2 * 512));
        asids.deleteAsidPool(2 * 512, pool);
        assertNull(asids.root(2 * 512));
        assertNull(asids.pool(2));
        assertEquals(0, asids.freePoolIndex());
    }
}
