package dev.faultline.kernel.inspect;

/**
 * A capability slot as a view names it: a CNode's slot by index, one of a TCB's own slots (its
 * CSpace and VSpace roots, reply, caller and IPC buffer slots) by name, or the IRQ node's slot of
 * an interrupt line (its index is the line; ownerId is 0), which holds the notification it signals.
 */
public record SlotRef(long ownerId, OwnerKind ownerKind, int index, String name) {

    /** Whether the slot sits in a CNode or in a TCB. */
    public enum OwnerKind {
        CNODE,
        TCB,
        IRQ_NODE
    }

    @Override
    public String toString() {
        return switch (ownerKind) {
            case CNODE -> "cnode #" + ownerId + " slot " + index;
            case TCB -> "tcb #" + ownerId + " " + name;
            case IRQ_NODE -> "irq node slot " + index;
        };
    }
}
