package dev.faultline.kernel.object;

/**
 * A capability table entry: a slot holding one cap, and its place in the capability derivation
 * tree. As in seL4 (mdb_node_t), the tree is a doubly linked list in depth-first order: a cap's
 * descendants follow it, and isMDBParentOf decides where they end (see {@link Cdt}).
 */
public final class Cte {

    private final KernelObject owner;
    private final int index;
    Capability cap = Capability.NULL;
    Cte mdbPrev;
    Cte mdbNext;
    /** Whether this cap may have children: set for originals, clear for most copies. */
    boolean revocable;
    /** Set on the first badged copy of an unbadged endpoint or notification cap. */
    boolean firstBadged;

    /** A slot of a CNode (owner) at index, or one of a TCB's own slots. */
    public Cte(KernelObject owner, int index) {
        this.owner = owner;
        this.index = index;
    }

    public Capability cap() {
        return cap;
    }

    public boolean isEmpty() {
        return cap.isNull();
    }

    /** The CNode or TCB this slot belongs to. */
    public KernelObject owner() {
        return owner;
    }

    /** The slot's index in its CNode, or which of a TCB's slots it is. */
    public int index() {
        return index;
    }

    /** The next entry in derivation order, or null. */
    public Cte mdbNext() {
        return mdbNext;
    }

    public Cte mdbPrev() {
        return mdbPrev;
    }

    public boolean isRevocable() {
        return revocable;
    }

    public boolean isFirstBadged() {
        return firstBadged;
    }

    /**
     * Replaces the cap in place, keeping the slot's derivation links: for changes seL4 makes
     * without moving a cap (an untyped's free index, a frame's mapping).
     */
    public void update(Capability newCap) {
        if (cap.isNull() || newCap.isNull()) {
            throw new IllegalStateException("update changes a cap in place; use Cdt to fill or empty " + this);
        }
        cap = newCap;
    }

    @Override
    public String toString() {
        return owner.label() + (owner instanceof Tcb ? " " + TcbSlot.values()[index].name().toLowerCase() : " slot " + index);
    }
}
