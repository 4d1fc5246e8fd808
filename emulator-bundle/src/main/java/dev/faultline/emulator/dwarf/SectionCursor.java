package dev.faultline.emulator.dwarf;

import java.nio.charset.StandardCharsets;

/**
 * A read position inside a section with a limit (the end of the current unit): little-endian
 * fixed-size values and LEB128 (DWARF 5 section 7.6). Every read checks the limit first, so
 * truncated data yields a {@link DwarfFormatException} and never an index error.
 */
final class SectionCursor {

    private final DwarfSection section;
    private long position;
    private long limit;

    SectionCursor(DwarfSection section, long position, long limit) {
        this.section = section;
        this.position = position;
        this.limit = Math.min(limit, section.size());
    }

    DwarfSection section() {
        return section;
    }

    long position() {
        return position;
    }

    long limit() {
        return limit;
    }

    long remaining() {
        return Math.max(0, limit - position);
    }

    boolean atEnd() {
        return position >= limit;
    }

    void seek(long offset) throws DwarfFormatException {
        if (offset < 0 || offset > limit) {
            throw error("expected an offset inside [0x0, 0x" + Long.toHexString(limit) + "), found 0x"
                    + Long.toHexString(offset));
        }
        position = offset;
    }

    /** Narrows the limit to end (the end of a unit or an entry); end must lie inside the current limit. */
    void limitTo(long end, String what) throws DwarfFormatException {
        if (end < position || end > limit) {
            throw error("expected " + what + " to end inside the section (at or before 0x" + Long.toHexString(limit)
                    + "), found its end at 0x" + Long.toHexString(end));
        }
        limit = end;
    }

    private void need(long count, String what) throws DwarfFormatException {
        if (position < 0 || count > remaining()) {
            throw error("expected " + what + " (" + count + " bytes), found " + remaining() + " bytes before the end");
        }
    }

    int u8(String what) throws DwarfFormatException {
        need(1, what);
        return section.data().get((int) position++) & 0xff;
    }

    long unsigned(int size, String what) throws DwarfFormatException {
        need(size, what);
        long value = 0;
        for (int i = size - 1; i >= 0; i--) {
            value = value << 8 | (section.data().get((int) position + i) & 0xff);
        }
        position += size;
        return value;
    }

    int u16(String what) throws DwarfFormatException {
        return (int) unsigned(2, what);
    }

    long u32(String what) throws DwarfFormatException {
        return unsigned(4, what);
    }

    long u64(String what) throws DwarfFormatException {
        return unsigned(8, what);
    }

    /** A value of the given size read as signed (for sdata2/4 pointer encodings). */
    long signed(int size, String what) throws DwarfFormatException {
        long value = unsigned(size, what);
        int shift = 64 - 8 * size;
        return value << shift >> shift;
    }

    long uleb(String what) throws DwarfFormatException {
        long start = position;
        long value = 0;
        for (int shift = 0;; shift += 7) {
            int b = u8(what);
            // bits that do not fit in 64 are an error, not silently dropped
            int lost = shift >= 64 ? b & 0x7f : shift == 63 ? b & 0x7e : 0;
            if (shift < 64) {
                value |= (long) (b & 0x7f) << shift;
            }
            if (lost != 0) {
                throw errorAt(start, "expected " + what + " as a ULEB128 that fits in 64 bits");
            }
            if ((b & 0x80) == 0) {
                return value;
            }
        }
    }

    long sleb(String what) throws DwarfFormatException {
        long value = 0;
        int shift = 0;
        int b;
        do {
            b = u8(what);
            if (shift < 64) {
                value |= (long) (b & 0x7f) << shift;
            }
            shift += 7;
        } while ((b & 0x80) != 0);
        if (shift < 64 && (b & 0x40) != 0) {
            value |= -1L << shift;
        }
        return value;
    }

    /** A ULEB128 used as a count or length: must fit in the bytes that remain, at least perUnit each. */
    int count(String what, int perUnit) throws DwarfFormatException {
        long start = position;
        long value = uleb(what);
        if (value < 0 || value * Math.max(perUnit, 1) > remaining() || value > Integer.MAX_VALUE) {
            throw errorAt(start, "expected " + what + " that fits in the " + remaining() + " bytes that follow, found "
                    + Long.toUnsignedString(value));
        }
        return (int) value;
    }

    /** A NUL-terminated UTF-8 string. */
    String cstring(String what) throws DwarfFormatException {
        long start = position;
        long end = start;
        while (end < limit && section.data().get((int) end) != 0) {
            end++;
        }
        if (end >= limit) {
            throw errorAt(start, "expected " + what + " as a NUL-terminated string, found no NUL before the end");
        }
        position = end + 1;
        return text(start, end - start);
    }

    private String text(long start, long length) {
        byte[] bytes = new byte[(int) length];
        section.data().get((int) start, bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    byte[] bytes(long count, String what) throws DwarfFormatException {
        need(count, what);
        byte[] bytes = new byte[(int) count];
        section.data().get((int) position, bytes);
        position += count;
        return bytes;
    }

    void skip(long count, String what) throws DwarfFormatException {
        need(count, what);
        position += count;
    }

    /**
     * The initial length of a unit (DWARF 5 section 7.4): 4 bytes, or 0xffffffff and 8 bytes for
     * 64-bit DWARF. Returns the extent of the unit, checked to end inside the section.
     */
    UnitExtent unitExtent(String what) throws DwarfFormatException {
        long start = position;
        long length = u32(what + " unit_length");
        int offsetSize = 4;
        if (length == 0xffffffffL) {
            length = u64(what + " 64-bit unit_length");
            offsetSize = 8;
        } else if (length >= 0xfffffff0L) {
            throw errorAt(start, "expected a unit_length below 0xfffffff0 or 0xffffffff (64-bit DWARF) for " + what
                    + ", found 0x" + Long.toHexString(length));
        }
        if (length < 0 || length > remaining()) {
            throw errorAt(start, "expected " + what + " of 0x" + Long.toHexString(length) + " bytes to fit in the 0x"
                    + Long.toHexString(remaining()) + " bytes that follow");
        }
        return new UnitExtent(start, position, position + length, offsetSize);
    }

    /** An offset into another section: 4 or 8 bytes as the unit's format says. */
    long offset(int offsetSize, String what) throws DwarfFormatException {
        return unsigned(offsetSize, what);
    }

    DwarfFormatException error(String problem) {
        return errorAt(position, problem);
    }

    DwarfFormatException errorAt(long offset, String problem) {
        return new DwarfFormatException(section.name(), offset, problem);
    }
}
