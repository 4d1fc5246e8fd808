package dev.faultline.kernel.object;

import dev.faultline.kernel.api.ObjectType;

/** An ASID pool: 512 address-space identifiers, each naming a root page table (seL4 riscv asid_pool_t). */
public final class AsidPool extends KernelObject {

    public static final int ENTRIES = 512;

    private final PageTable[] roots = new PageTable[ENTRIES];

    public AsidPool(long id, long physicalAddress) {
        super(id, physicalAddress, 12);
    }

    @Override
    public ObjectType type() {
        // An ASID pool is made from a 4 KiB untyped by ASIDControl, not by Retype; it has no
        // object type number of its own, so it reports the untyped's.
        return ObjectType.UNTYPED;
    }

    public PageTable root(int index) {
        return roots[index];
    }

    public void setRoot(int index, PageTable root) {
        roots[index] = root;
    }

    @Override
    public String label() {
        return "asid pool #" + id();
    }
}
