package dev.faultline.kernel.object;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import dev.faultline.kernel.api.ObjectType;

/** A CNode: 2^radix capability slots (seL4 CapTable objects). */
public final class CNode extends KernelObject {

    private final Cte[] slots;
    /** The slots made so far, in the order they were first asked for: walks visit only these. */
    private final List<Cte> made = new ArrayList<>();
    private final int radix;

    public CNode(long id, long physicalAddress, int radix) {
        super(id, physicalAddress, radix + ObjectType.SLOT_BITS);
        this.radix = radix;
        this.slots = new Cte[1 << radix];
    }

    @Override
    public ObjectType type() {
        return ObjectType.CAP_TABLE;
    }

    public int radix() {
        return radix;
    }

    public int size() {
        return slots.length;
    }

    /** The slot at index; slots are created when first asked for, so an empty CNode costs little. */
    public Cte slot(long index) {
        if (index < 0 || index >= slots.length) {
            throw new IndexOutOfBoundsException(label() + " has slots 0.." + (slots.length - 1) + ", not " + index);
        }
        Cte slot = slots[(int) index];
        if (slot == null) {
            slot = new Cte(this, (int) index);
            slots[(int) index] = slot;
            made.add(slot);
        }
        return slot;
    }

    /** Every slot ever asked for (filled or not), in the order first asked for; a large CNode costs only these. */
    public List<Cte> usedSlots() {
        return Collections.unmodifiableList(made);
    }

    /** The slot at index if it was ever used, else null: for walking a CNode without filling it. */
    public Cte existingSlot(int index) {
        return slots[index];
    }

    @Override
    public String label() {
        return "cnode #" + id();
    }
}
