package dev.faultline.kernel.object;

import dev.faultline.kernel.api.ObjectType;

/** Untyped memory: 2^sizeBits bytes of physical memory from which Untyped_Retype carves objects. */
public final class Untyped extends KernelObject {

    private final boolean device;

    public Untyped(long id, long physicalAddress, int sizeBits, boolean device) {
        super(id, physicalAddress, sizeBits);
        this.device = device;
    }

    @Override
    public ObjectType type() {
        return ObjectType.UNTYPED;
    }

    /** Device memory can only become frames, and they are never zeroed. */
    public boolean isDevice() {
        return device;
    }

    public long sizeBytes() {
        return 1L << sizeBits();
    }
}
