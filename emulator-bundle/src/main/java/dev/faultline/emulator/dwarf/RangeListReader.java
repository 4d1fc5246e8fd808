package dev.faultline.emulator.dwarf;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads non-contiguous address ranges: DWARF 4's .debug_ranges (section 2.17.3, pairs with base
 * address selection entries) and DWARF 5's .debug_rnglists (section 2.17.3 and 7.25, DW_RLE_*
 * entries, reached by offset or through the unit's offset table with DW_FORM_rnglistx).
 */
final class RangeListReader {

    private static final int DW_RLE_END_OF_LIST = 0;
    private static final int DW_RLE_BASE_ADDRESSX = 1;
    private static final int DW_RLE_STARTX_ENDX = 2;
    private static final int DW_RLE_STARTX_LENGTH = 3;
    private static final int DW_RLE_OFFSET_PAIR = 4;
    private static final int DW_RLE_BASE_ADDRESS = 5;
    private static final int DW_RLE_START_END = 6;
    private static final int DW_RLE_START_LENGTH = 7;

    private RangeListReader() {
    }

    static List<AddressRange> read(CompilationUnit unit, AttributeValue value, long dieOffset)
            throws DwarfFormatException {
        UnitHeader header = unit.header();
        if (value.formClass() == FormClass.RANGE_LIST_INDEX) {
            return readV5(unit, rnglistOffset(unit, value.value(), dieOffset));
        }
        if (value.formClass() != FormClass.SECTION_OFFSET && !(header.version() < 4 && value.isConstant())) {
            throw new DwarfFormatException(".debug_info", dieOffset, "expected DW_AT_ranges as a section offset or "
                    + "DW_FORM_rnglistx, found " + DwarfForm.describe(value.form()));
        }
        return header.version() >= 5 ? readV5(unit, value.value()) : readV4(unit, value.value(), dieOffset);
    }

    private static long rnglistOffset(CompilationUnit unit, long index, long dieOffset) throws DwarfFormatException {
        DwarfSection rnglists = unit.sections().require(".debug_rnglists", "DW_FORM_rnglistx", ".debug_info", dieOffset);
        return unit.listOffset(rnglists, unit.rnglistsBase(), "DW_AT_rnglists_base", index, dieOffset);
    }

    private static List<AddressRange> readV4(CompilationUnit unit, long offset, long dieOffset)
            throws DwarfFormatException {
        DwarfSection section = unit.sections().require(".debug_ranges", "DW_AT_ranges", ".debug_info", dieOffset);
        SectionCursor in = section.listCursor(offset, "range list", dieOffset);
        int size = unit.header().addressSize();
        long selector = size == 8 ? -1L : 0xffffffffL;
        long base = unit.baseAddress();
        List<AddressRange> ranges = new ArrayList<>();
        while (true) {
            long begin = in.unsigned(size, "range list entry start");
            long end = in.unsigned(size, "range list entry end");
            if (begin == 0 && end == 0) {
                return ranges;
            }
            if (begin == selector) {
                base = end;
            } else {
                add(ranges, base + begin, base + end);
            }
        }
    }

    private static List<AddressRange> readV5(CompilationUnit unit, long offset) throws DwarfFormatException {
        DwarfSection section = unit.sections().require(".debug_rnglists", "DW_AT_ranges", ".debug_info",
                unit.header().offset());
        SectionCursor in = section.listCursor(offset, "range list", unit.header().offset());
        int size = unit.header().addressSize();
        long base = unit.baseAddress();
        List<AddressRange> ranges = new ArrayList<>();
        while (true) {
            int kind = in.u8("DW_RLE entry kind");
            switch (kind) {
                case DW_RLE_END_OF_LIST -> {
                    return ranges;
                }
                case DW_RLE_BASE_ADDRESSX -> base = unit.addressAt(in.uleb("DW_RLE_base_addressx index"));
                case DW_RLE_STARTX_ENDX -> add(ranges, unit.addressAt(in.uleb("DW_RLE_startx_endx start")),
                        unit.addressAt(in.uleb("DW_RLE_startx_endx end")));
                case DW_RLE_STARTX_LENGTH -> {
                    long start = unit.addressAt(in.uleb("DW_RLE_startx_length start"));
                    add(ranges, start, start + in.uleb("DW_RLE_startx_length length"));
                }
                case DW_RLE_OFFSET_PAIR -> add(ranges, base + in.uleb("DW_RLE_offset_pair start"),
                        base + in.uleb("DW_RLE_offset_pair end"));
                case DW_RLE_BASE_ADDRESS -> base = in.unsigned(size, "DW_RLE_base_address");
                case DW_RLE_START_END -> add(ranges, in.unsigned(size, "DW_RLE_start_end start"),
                        in.unsigned(size, "DW_RLE_start_end end"));
                case DW_RLE_START_LENGTH -> {
                    long start = in.unsigned(size, "DW_RLE_start_length start");
                    add(ranges, start, start + in.uleb("DW_RLE_start_length length"));
                }
                default -> throw in.errorAt(in.position() - 1, "expected a DW_RLE_* entry kind 0 to 7, found " + kind);
            }
        }
    }

    private static void add(List<AddressRange> ranges, long low, long high) {
        AddressRange range = new AddressRange(low, high);
        if (!range.isEmpty()) {
            ranges.add(range);
        }
    }
}
