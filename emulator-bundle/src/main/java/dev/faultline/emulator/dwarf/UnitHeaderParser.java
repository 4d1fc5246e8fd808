package dev.faultline.emulator.dwarf;

/** Reads a .debug_info unit header, versions 2 to 5 (DWARF 4 section 7.5.1.1, DWARF 5 section 7.5.1). */
final class UnitHeaderParser {

    private UnitHeaderParser() {
    }

    /** Reads the header at the cursor; the cursor's limit becomes the unit's end. */
    static UnitHeader parse(SectionCursor in) throws DwarfFormatException {
        long offset = in.position();
        UnitExtent extent = in.unitExtent("unit");
        in.limitTo(extent.end(), "the unit");
        int version = in.u16("unit version");
        if (version < 2 || version > 5) {
            throw in.errorAt(extent.contentStart(), "expected unit version 2 to 5, found " + version);
        }
        int unitType = UnitHeader.DW_UT_COMPILE;
        long typeAt = in.position();
        int addressSize;
        long abbrevOffset;
        if (version >= 5) {
            unitType = in.u8("unit_type");
            addressSize = in.u8("address_size");
            abbrevOffset = in.offset(extent.offsetSize(), "debug_abbrev_offset");
        } else {
            abbrevOffset = in.offset(extent.offsetSize(), "debug_abbrev_offset");
            addressSize = in.u8("address_size");
        }
        if (addressSize != 4 && addressSize != 8) {
            throw in.errorAt(in.position() - 1, "expected an address_size of 4 or 8, found " + addressSize);
        }
        long unitId = unitId(in, unitType, extent.offsetSize(), typeAt);
        return new UnitHeader(offset, version, unitType, abbrevOffset, addressSize, extent.offsetSize(), unitId,
                in.position(), extent.end());
    }

    private static long unitId(SectionCursor in, int unitType, int offsetSize, long typeAt) throws DwarfFormatException {
        switch (unitType) {
            case UnitHeader.DW_UT_COMPILE, UnitHeader.DW_UT_PARTIAL:
                return 0;
            case UnitHeader.DW_UT_SKELETON, UnitHeader.DW_UT_SPLIT_COMPILE:
                return in.u64("dwo_id");
            case UnitHeader.DW_UT_TYPE, UnitHeader.DW_UT_SPLIT_TYPE:
                long signature = in.u64("type_signature");
                in.offset(offsetSize, "type_offset");
                return signature;
            default:
                throw in.errorAt(typeAt, "expected a unit_type DW_UT_compile (1) to DW_UT_split_type (6), found "
                        + unitType);
        }
    }
}
