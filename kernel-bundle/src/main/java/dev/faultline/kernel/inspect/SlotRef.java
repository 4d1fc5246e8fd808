package dev.faultline.kernel.inspect;

/**
 * A capability slot as a view names it: a CNode's slot by index, or one of a TCB's own slots
 * (its CSpace and VSpace roots, reply, caller and IPC buffer slots) by name.
 */
public record SlotRef(long ownerId, OwnerKind ownerKind, int index, String name) {

    /** Whether the slot sits in a CNode or in a TCB. */
    public enum OwnerKind {
        CNODE,
        TCB
    }

    @Override
    public String toString() {
        return ownerKind == OwnerKind.CNODE ? "cnode #" + ownerId + " slot " + index : "tcb #" + ownerId + " " + name;
    }
}
