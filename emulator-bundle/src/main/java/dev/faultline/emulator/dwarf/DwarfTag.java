package dev.faultline.emulator.dwarf;

/** The DIE tags this reader interprets (DWARF 5 section 7.5.3, table 7.3); others are kept as numbers. */
public final class DwarfTag {

    public static final int FORMAL_PARAMETER = 0x05;
    public static final int LEXICAL_BLOCK = 0x0b;
    public static final int COMPILE_UNIT = 0x11;
    public static final int INLINED_SUBROUTINE = 0x1d;
    public static final int SUBPROGRAM = 0x2e;
    public static final int VARIABLE = 0x34;
    public static final int PARTIAL_UNIT = 0x3c;
    public static final int TYPE_UNIT = 0x41;
    public static final int SKELETON_UNIT = 0x4a;

    private DwarfTag() {
    }
}
