package dev.faultline.kernel.arch.riscv64;

import dev.faultline.kernel.object.AsidPool;
import dev.faultline.kernel.object.PageTable;

/**
 * The kernel's ASID table (seL4 riscv riscvKSASIDTable): 2^7 pools of 2^9 ASIDs each; an ASID
 * names its pool by its high bits and a root page table within the pool by its low bits.
 * ASID 0 is invalid.
 */
public final class AsidTable {

    public static final int POOL_BITS = 7;
    public static final int INDEX_BITS = 9;

    private final AsidPool[] pools = new AsidPool[1 << POOL_BITS];

    public AsidPool pool(int index) {
        return pools[index];
    }

    public void setPool(int index, AsidPool pool) {
        pools[index] = pool;
    }

    /** The first pool index free for a new pool, or -1 when all are taken. */
    public int freePoolIndex() {
        for (int i = 0; i < pools.length; i++) {
            if (pools[i] == null) {
                return i;
            }
        }
        return -1;
    }

    /** seL4 findVSpaceForASID: the root page table ASID asid names, or null (an InvalidRoot lookup failure). */
    public PageTable root(long asid) {
        if (asid <= 0 || asid >= 1L << (POOL_BITS + INDEX_BITS)) {
            return null;
        }
        AsidPool pool = pools[(int) (asid >>> INDEX_BITS)];
        return pool == null ? null : pool.root(low(asid));
    }

    /**
     * seL4 deleteASID: if asid still names root, it names nothing from now on. As in seL4 the
     * root keeps its entries (and its mirror, which the debugger reads), but no thread runs in it.
     */
    public void deleteAsid(long asid, PageTable root) {
        if (root != null && root(asid) == root) {
            pools[(int) (asid >>> INDEX_BITS)].setRoot(low(asid), null);
        }
    }

    /** seL4 deleteASIDPool: if the pool still serves asidBase, none of its ASIDs names anything any more. */
    public void deleteAsidPool(long asidBase, AsidPool pool) {
        int index = (int) (asidBase >>> INDEX_BITS);
        if (index < pools.length && pools[index] == pool) {
            pools[index] = null;
        }
    }

    private static int low(long asid) {
        return (int) (asid & ((1 << INDEX_BITS) - 1));
    }
}
