package dev.faultline.emulator.dwarf;

/**
 * A unit header of .debug_info (DWARF 4 section 7.5.1.1, DWARF 5 section 7.5.1): where the unit
 * lies, its version and type, its abbreviations and its address and offset sizes.
 *
 * @param unitType DW_UT_* (DWARF 4 compile units are reported as DW_UT_compile)
 * @param unitId the dwo_id of a skeleton or split unit, or the type signature of a type unit, else 0
 */
public record UnitHeader(long offset, int version, int unitType, long abbrevOffset, int addressSize,
        int offsetSize, long unitId, long firstDieOffset, long end) {

    public static final int DW_UT_COMPILE = 1;
    public static final int DW_UT_TYPE = 2;
    public static final int DW_UT_PARTIAL = 3;
    public static final int DW_UT_SKELETON = 4;
    public static final int DW_UT_SPLIT_COMPILE = 5;
    public static final int DW_UT_SPLIT_TYPE = 6;

    UnitFormat format() {
        return new UnitFormat(version, addressSize, offsetSize);
    }
}
