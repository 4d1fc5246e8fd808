package dev.faultline.kernel.api;

/**
 * seL4_MessageInfo_t: one word with label (bits 63..12), capsUnwrapped (11..9), extraCaps
 * (8..7) and length (6..0) (libsel4 shared_types.bf).
 */
public record MessageInfo(long label, int capsUnwrapped, int extraCaps, int length) {

    /** seL4_MsgMaxLength: message registers a message can carry. */
    public static final int MAX_LENGTH = 120;
    /** seL4_MsgMaxExtraCaps. */
    public static final int MAX_EXTRA_CAPS = 3;
    public static final MessageInfo EMPTY = new MessageInfo(0, 0, 0, 0);

    public MessageInfo {
        if (label < 0 || label >= 1L << 52) {
            throw new IllegalArgumentException("a message label has 52 bits, got 0x" + Long.toHexString(label));
        }
        if (capsUnwrapped < 0 || capsUnwrapped > 7 || extraCaps < 0 || extraCaps > 3 || length < 0 || length > 127) {
            throw new IllegalArgumentException("message info fields out of range: " + capsUnwrapped + "/" + extraCaps + "/" + length);
        }
    }

    /** Reads the word a thread passes in a1, as the kernel does: a length above 120 is clamped. */
    public static MessageInfo fromWord(long word) {
        int length = (int) (word & 0x7f);
        return new MessageInfo(word >>> 12, (int) (word >>> 9) & 7, (int) (word >>> 7) & 3, Math.min(length, MAX_LENGTH));
    }

    public static MessageInfo of(long label, int length) {
        return new MessageInfo(label, 0, 0, length);
    }

    public long toWord() {
        return label << 12 | (long) capsUnwrapped << 9 | (long) extraCaps << 7 | length;
    }

    public MessageInfo withLength(int newLength) {
        return new MessageInfo(label, capsUnwrapped, extraCaps, newLength);
    }

    @Override
    public String toString() {
        return "(label " + label + ", caps " + extraCaps + (capsUnwrapped != 0 ? " unwrapped 0b" + Integer.toBinaryString(capsUnwrapped) : "")
                + ", length " + length + ")";
    }
}
