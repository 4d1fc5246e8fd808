package dev.faultline.kernel.boot;

import dev.faultline.kernel.object.KernelObject;
import dev.faultline.kernel.object.ObjectSpace;

/**
 * Places boot-time objects in physical memory, each aligned to its size, one after another from
 * the start of RAM, as seL4 places the root server's objects; what is left becomes untyped.
 */
public final class PhysicalAllocator {

    private long next;
    private final long end;

    public PhysicalAllocator(long start, long end) {
        this.next = start;
        this.end = end;
    }

    /** Makes an object with an id from objects. */
    public interface Maker<T extends KernelObject> {
        T make(long id, long physicalAddress);
    }

    /** Places an object of 2^bits bytes at the next aligned address. */
    public <T extends KernelObject> T make(ObjectSpace objects, int bits, Maker<T> maker) {
        long address = place(bits);
        return objects.register(id -> maker.make(id, address));
    }

    /** Reserves 2^bits bytes at the next address aligned to their size and answers it. */
    public long place(int bits) {
        long mask = (1L << bits) - 1;
        long address = (next + mask) & ~mask;
        if (address + (1L << bits) > end || address < next) {
            throw new IllegalStateException(String.format("physical memory is exhausted: an object of 2^%d bytes does not"
                    + " fit below 0x%x", bits, end));
        }
        next = address + (1L << bits);
        return address;
    }

    /** The first address not yet placed. */
    public long next() {
        return next;
    }

    public long end() {
        return end;
    }
}
