package dev.faultline.kernel.api;

/** The object types Untyped_Retype creates, with their riscv64 non-MCS numbers and sizes (objecttype.h). */
public enum ObjectType {
    UNTYPED(0, -1),
    TCB(1, 11),
    ENDPOINT(2, 4),
    NOTIFICATION(3, 5),
    CAP_TABLE(4, -1),
    GIGA_PAGE(5, 30),
    SMALL_PAGE(6, 12),
    MEGA_PAGE(7, 21),
    PAGE_TABLE(8, 12);

    /** seL4_SlotBits: a CNode slot is 32 bytes. */
    public static final int SLOT_BITS = 5;

    private final int number;
    private final int fixedSizeBits;

    ObjectType(int number, int fixedSizeBits) {
        this.number = number;
        this.fixedSizeBits = fixedSizeBits;
    }

    public int number() {
        return number;
    }

    /** The object's size in bits for the user's size argument (used by Untyped and CNode only). */
    public int sizeBits(long userSize) {
        return switch (this) {
            case UNTYPED -> (int) userSize;
            case CAP_TABLE -> (int) userSize + SLOT_BITS;
            default -> fixedSizeBits;
        };
    }

    /** The type with this number, or null. */
    public static ObjectType fromNumber(long number) {
        for (ObjectType type : values()) {
            if (type.number == number) {
                return type;
            }
        }
        return null;
    }
}
