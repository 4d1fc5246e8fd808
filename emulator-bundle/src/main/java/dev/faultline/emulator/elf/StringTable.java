package dev.faultline.emulator.elf;

/**
 * A string table section (gABI "String Table"): NUL-terminated names addressed by byte index.
 * A name must start inside the table and end with a NUL inside it.
 */
final class StringTable {

    private final ElfInput in;
    private final long offset;
    private final long size;
    private final String sectionName;

    StringTable(ElfInput in, long offset, long size, String sectionName) {
        this.in = in;
        this.offset = offset;
        this.size = size;
        this.sectionName = sectionName;
    }

    /** The name at index, read for the field at fieldOffset (named in errors). */
    String name(long index, long fieldOffset, String field) throws ElfFormatException {
        if (Long.compareUnsigned(index, size) >= 0) {
            throw in.error(fieldOffset, field, "expected an index into " + sectionName + " (0x" + Long.toHexString(size)
                    + " bytes), found 0x" + Long.toHexString(index));
        }
        long start = offset + index;
        long end = start;
        while (end < offset + size && in.u8(end, field) != 0) {
            end++;
        }
        if (end == offset + size) {
            throw in.error(fieldOffset, field, "expected a NUL-terminated name at index 0x" + Long.toHexString(index)
                    + " of " + sectionName + ", found none before its end");
        }
        return in.text(start, end - start);
    }
}
