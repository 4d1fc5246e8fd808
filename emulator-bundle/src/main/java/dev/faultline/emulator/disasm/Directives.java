package dev.faultline.emulator.disasm;

/**
 * What objdump prints for bytes that are no instruction it knows: the assembler data directive of
 * the same size (".2byte 0x...", ".4byte 0x...", ".8byte 0x..."), or a ".byte" list for 48-bit and
 * 80-bit-or-longer encodings, whose size has no such directive.
 */
final class Directives {

    private Directives() {
    }

    /** The directive for {@code length} bytes starting at {@code offset}, little-endian. */
    static String of(byte[] code, int offset, int length) {
        return switch (length) {
            case 2, 4, 8 -> "." + length + "byte\t0x" + Long.toHexString(littleEndian(code, offset, length));
            default -> byteList(code, offset, length);
        };
    }

    /** The directive for an instruction word of 2 or 4 bytes. */
    static String ofWord(int raw, int length) {
        return "." + length + "byte\t0x" + Integer.toHexString(raw);
    }

    private static long littleEndian(byte[] code, int offset, int length) {
        long value = 0;
        for (int i = length - 1; i >= 0; i--) {
            value = value << 8 | (code[offset + i] & 0xff);
        }
        return value;
    }

    private static String byteList(byte[] code, int offset, int length) {
        StringBuilder text = new StringBuilder(".byte\t");
        for (int i = 0; i < length; i++) {
            text.append(i == 0 ? "" : ", ").append(String.format("0x%02x", code[offset + i] & 0xff));
        }
        return text.toString();
    }
}
