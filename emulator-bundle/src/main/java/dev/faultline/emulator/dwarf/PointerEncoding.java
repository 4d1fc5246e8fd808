package dev.faultline.emulator.dwarf;

/**
 * Decodes .eh_frame pointers (Linux Standard Base Core, "DWARF Exception Header Encoding"): the low
 * nibble is the value format, bits 4-6 say what it is relative to, bit 7 asks for an indirection.
 */
final class PointerEncoding {

    static final int ABSPTR = 0x00;
    static final int OMIT = 0xff;
    private static final int ULEB128 = 0x01;
    private static final int UDATA2 = 0x02;
    private static final int UDATA4 = 0x03;
    private static final int UDATA8 = 0x04;
    private static final int SLEB128 = 0x09;
    private static final int SDATA2 = 0x0a;
    private static final int SDATA4 = 0x0b;
    private static final int SDATA8 = 0x0c;
    private static final int PCREL = 0x10;
    private static final int ALIGNED = 0x50;
    private static final int INDIRECT = 0x80;

    private PointerEncoding() {
    }

    /** Checks an encoding when a CIE declares it, so FDEs fail early and clearly. */
    static void check(int encoding, SectionCursor in, long at) throws DwarfFormatException {
        if (encoding == OMIT) {
            return;
        }
        int format = encoding & 0x0f;
        int application = encoding & 0x70;
        boolean knownFormat = format <= UDATA8 || (format >= SLEB128 && format <= SDATA8);
        if (!knownFormat || (application != ABSPTR && application != PCREL && application != ALIGNED)
                || (encoding & INDIRECT) != 0) {
            throw in.errorAt(at, "expected a pointer encoding with an absolute, pc-relative or aligned value, found 0x"
                    + Integer.toHexString(encoding) + " (textrel, datarel, funcrel and indirect are not supported)");
        }
    }

    /** Reads a pointer; pc-relative values are relative to the field's own address. */
    static long read(SectionCursor in, int encoding, int addressSize) throws DwarfFormatException {
        long fieldAddress = in.section().address() + in.position();
        if ((encoding & 0x70) == ALIGNED) {
            long misalignment = in.position() % addressSize;
            if (misalignment != 0) {
                in.skip(addressSize - misalignment, "alignment padding");
            }
            return in.unsigned(addressSize, "aligned pointer");
        }
        long value = value(in, encoding & 0x0f, addressSize);
        return (encoding & 0x70) == PCREL ? fieldAddress + value : value;
    }

    /** Reads just the value in the encoding's format (FDE address ranges are not relative to anything). */
    static long value(SectionCursor in, int format, int addressSize) throws DwarfFormatException {
        return switch (format) {
            case ABSPTR -> in.unsigned(addressSize, "pointer");
            case ULEB128 -> in.uleb("uleb128 pointer");
            case UDATA2 -> in.unsigned(2, "udata2 pointer");
            case UDATA4 -> in.unsigned(4, "udata4 pointer");
            case UDATA8 -> in.unsigned(8, "udata8 pointer");
            case SLEB128 -> in.sleb("sleb128 pointer");
            case SDATA2 -> in.signed(2, "sdata2 pointer");
            case SDATA4 -> in.signed(4, "sdata4 pointer");
            case SDATA8 -> in.signed(8, "sdata8 pointer");
            default -> throw in.error("expected a pointer format, found 0x" + Integer.toHexString(format));
        };
    }
}
