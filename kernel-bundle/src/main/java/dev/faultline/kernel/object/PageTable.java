package dev.faultline.kernel.object;

import dev.faultline.kernel.api.ObjectType;

/**
 * An Sv39 page table: 512 entries, each empty, a next-level table, or a frame (RISC-V
 * privileged specification, "Sv39"; seL4 riscv vspace.c). A root table with an ASID is a
 * thread's VSpace.
 */
public final class PageTable extends KernelObject {

    public static final int ENTRIES = 512;

    private final Object[] entries = new Object[ENTRIES];
    /** For a root table with an ASID: the emulator address space its leaf mappings are mirrored into. */
    private dev.faultline.emulator.memory.AddressSpace addressSpace;
    private long asid;

    public PageTable(long id, long physicalAddress) {
        super(id, physicalAddress, ObjectType.PAGE_TABLE.sizeBits(0));
    }

    @Override
    public ObjectType type() {
        return ObjectType.PAGE_TABLE;
    }

    /** The entry at index: null, a {@link PageTable}, or a {@link Mapping}. */
    public Object entry(int index) {
        return entries[index];
    }

    public void setEntry(int index, Object entry) {
        if (entry != null && !(entry instanceof PageTable) && !(entry instanceof Mapping)) {
            throw new IllegalArgumentException("a page-table entry holds a page table or a frame mapping, not " + entry);
        }
        entries[index] = entry;
    }

    /** The emulator address space of a root table that has an ASID, else null. */
    public dev.faultline.emulator.memory.AddressSpace addressSpace() {
        return addressSpace;
    }

    /**
     * The ASID Assign gave this root table, 0 when it has none. As in seL4 the ASID table, not
     * the table, says whether that ASID still names it: a root whose pool was deleted keeps its
     * number (and its mirror) until it is unmapped or deleted, but no thread runs in it.
     */
    public long asid() {
        return asid;
    }

    /** Makes this table a VSpace root with an ASID and the address space its mappings appear in. */
    public void assign(long newAsid, dev.faultline.emulator.memory.AddressSpace space) {
        this.asid = newAsid;
        this.addressSpace = space;
    }

    /** A leaf entry: a frame with the access the mapping grants. */
    public record Mapping(Frame frame, dev.faultline.emulator.memory.Permissions permissions) {
    }

    @Override
    public String label() {
        return "page table #" + id();
    }
}
