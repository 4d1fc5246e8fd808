package dev.faultline.emulator.dwarf;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Builds little-endian DWARF bytes by hand for tests of single encodings. */
final class Bytes {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    Bytes u8(int... values) {
        for (int value : values) {
            out.write(value);
        }
        return this;
    }

    Bytes u16(int value) {
        return fixed(value, 2);
    }

    Bytes u32(long value) {
        return fixed(value, 4);
    }

    Bytes u64(long value) {
        return fixed(value, 8);
    }

    Bytes fixed(long value, int size) {
        for (int i = 0; i < size; i++) {
            out.write((int) (value >>> (8 * i)));
        }
        return this;
    }

    Bytes uleb(long value) {
        do {
            int b = (int) (value & 0x7f);
            value >>>= 7;
            out.write(value != 0 ? b | 0x80 : b);
        } while (value != 0);
        return this;
    }

    Bytes sleb(long value) {
        while (true) {
            int b = (int) (value & 0x7f);
            value >>= 7;
            boolean done = (value == 0 && (b & 0x40) == 0) || (value == -1 && (b & 0x40) != 0);
            out.write(done ? b : b | 0x80);
            if (done) {
                return this;
            }
        }
    }

    Bytes cstring(String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
        out.write(0);
        return this;
    }

    Bytes bytes(byte[] bytes) {
        out.writeBytes(bytes);
        return this;
    }

    int size() {
        return out.size();
    }

    byte[] array() {
        return out.toByteArray();
    }

    /** Prefixes the content with a 32-bit unit length. */
    byte[] withLength() {
        return new Bytes().u32(out.size()).bytes(out.toByteArray()).array();
    }
}
