package dev.faultline.emulator.elf;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * The bytes of one ELF file read as little-endian fields, every read bounds-checked so that a
 * truncated file yields an {@link ElfFormatException} naming the field instead of an index error.
 */
final class ElfInput {

    private final String fileName;
    private final byte[] bytes;

    ElfInput(String fileName, byte[] bytes) {
        this.fileName = fileName;
        this.bytes = bytes;
    }

    String fileName() {
        return fileName;
    }

    long length() {
        return bytes.length;
    }

    int u8(long offset, String field) throws ElfFormatException {
        require(offset, 1, field);
        return bytes[(int) offset] & 0xff;
    }

    int u16(long offset, String field) throws ElfFormatException {
        require(offset, 2, field);
        int at = (int) offset;
        return (bytes[at] & 0xff) | (bytes[at + 1] & 0xff) << 8;
    }

    long u32(long offset, String field) throws ElfFormatException {
        require(offset, 4, field);
        return littleEndian(offset, 4);
    }

    long u64(long offset, String field) throws ElfFormatException {
        require(offset, 8, field);
        return littleEndian(offset, 8);
    }

    private long littleEndian(long offset, int size) {
        long value = 0;
        for (int i = size - 1; i >= 0; i--) {
            value = value << 8 | (bytes[(int) offset + i] & 0xff);
        }
        return value;
    }

    /** Fails unless [offset, offset + size) lies inside the file; size is unsigned. */
    void require(long offset, long size, String field) throws ElfFormatException {
        if (!inside(offset, size)) {
            throw error(offset, field, "expected " + (size == 1 ? "a byte" : "0x" + Long.toHexString(size) + " bytes")
                    + " inside the file, which is 0x" + Long.toHexString(bytes.length) + " bytes long");
        }
    }

    /** Whether [offset, offset + size) lies inside the file, with both read as unsigned. */
    boolean inside(long offset, long size) {
        return Long.compareUnsigned(offset, bytes.length) <= 0
                && Long.compareUnsigned(size, bytes.length - offset) <= 0;
    }

    /** A read-only little-endian view of a range already checked with {@link #require}. */
    ByteBuffer slice(long offset, long size) {
        return ByteBuffer.wrap(bytes, (int) offset, (int) size).slice().asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN);
    }

    /** UTF-8 text of a range already checked. */
    String text(long offset, long size) {
        return new String(bytes, (int) offset, (int) size, StandardCharsets.UTF_8);
    }

    ElfFormatException error(long offset, String field, String problem) {
        return new ElfFormatException(fileName, offset, field, problem);
    }
}
