package dev.faultline.kernel.object;

import dev.faultline.kernel.api.ObjectType;

/**
 * A kernel object carved out of untyped memory: it has a physical address and a size, and an
 * id that names it in the journal and the inspector for the machine's whole life.
 */
public abstract class KernelObject {

    private final long id;
    private final long physicalAddress;
    private final int sizeBits;

    protected KernelObject(long id, long physicalAddress, int sizeBits) {
        this.id = id;
        this.physicalAddress = physicalAddress;
        this.sizeBits = sizeBits;
    }

    public final long id() {
        return id;
    }

    public final long physicalAddress() {
        return physicalAddress;
    }

    public final int sizeBits() {
        return sizeBits;
    }

    public abstract ObjectType type();

    /** How the object is named in logs and views: its kind and id. */
    public String label() {
        return type().name().toLowerCase().replace('_', ' ') + " #" + id;
    }

    @Override
    public String toString() {
        return label();
    }
}
