package dev.faultline.emulator.dwarf;

import java.util.Optional;

/**
 * Finds where a variable lives at one pc when its DW_AT_location is a location list: DWARF 4's
 * .debug_loc (section 2.6.2, address pairs with a 2-byte expression length and base address
 * selection entries) and DWARF 5's .debug_loclists (sections 2.6.2 and 7.7.3, DW_LLE_* entries,
 * reached by offset or through the unit's offset table with DW_FORM_loclistx). Optimising
 * compilers describe most parameters and locals this way, since a value moves between registers
 * and the stack as the code runs.
 */
final class LocationListReader {

    private static final int DW_LLE_END_OF_LIST = 0;
    private static final int DW_LLE_BASE_ADDRESSX = 1;
    private static final int DW_LLE_STARTX_ENDX = 2;
    private static final int DW_LLE_STARTX_LENGTH = 3;
    private static final int DW_LLE_OFFSET_PAIR = 4;
    private static final int DW_LLE_DEFAULT_LOCATION = 5;
    private static final int DW_LLE_BASE_ADDRESS = 6;
    private static final int DW_LLE_START_END = 7;
    private static final int DW_LLE_START_LENGTH = 8;

    /** More entries than any real list holds: a cycle-free bound on a corrupt list. */
    private static final int MAX_ENTRIES = 1 << 16;

    private LocationListReader() {
    }

    /** The expression of the list entry that covers pc, else the list's default; empty when none does. */
    static Optional<byte[]> at(CompilationUnit unit, AttributeValue value, long pc, long dieOffset)
            throws DwarfFormatException {
        if (value.formClass() == FormClass.LOCATION_LIST_INDEX) {
            DwarfSection loclists = unit.sections().require(".debug_loclists", "DW_FORM_loclistx", ".debug_info",
                    dieOffset);
            return atV5(unit, loclists, unit.listOffset(loclists, unit.loclistsBase(), "DW_AT_loclists_base",
                    value.value(), dieOffset), pc, dieOffset);
        }
        if (value.formClass() != FormClass.SECTION_OFFSET && !(unit.header().version() < 4 && value.isConstant())) {
            throw new DwarfFormatException(".debug_info", dieOffset, "expected a location as an expression, a section "
                    + "offset or DW_FORM_loclistx, found " + DwarfForm.describe(value.form()));
        }
        if (unit.header().version() >= 5) {
            DwarfSection loclists = unit.sections().require(".debug_loclists", "a location list", ".debug_info",
                    dieOffset);
            return atV5(unit, loclists, value.value(), pc, dieOffset);
        }
        return atV4(unit, value.value(), pc, dieOffset);
    }

    private static Optional<byte[]> atV4(CompilationUnit unit, long offset, long pc, long dieOffset)
            throws DwarfFormatException {
        DwarfSection section = unit.sections().require(".debug_loc", "a location list", ".debug_info", dieOffset);
        SectionCursor in = section.listCursor(offset, "location list", dieOffset);
        int size = unit.header().addressSize();
        long selector = size == 8 ? -1L : 0xffffffffL;
        long base = unit.baseAddress();
        for (int entries = 0; entries < MAX_ENTRIES; entries++) {
            long begin = in.unsigned(size, "location list entry start");
            long end = in.unsigned(size, "location list entry end");
            if (begin == 0 && end == 0) {
                return Optional.empty();
            }
            if (begin == selector) {
                base = end;
                continue;
            }
            byte[] expression = in.bytes(in.u16("location expression length"), "location expression");
            if (covers(base + begin, base + end, pc)) {
                return Optional.of(expression);
            }
        }
        throw in.error("expected a location list to end within " + MAX_ENTRIES + " entries");
    }

    private static Optional<byte[]> atV5(CompilationUnit unit, DwarfSection section, long offset, long pc,
            long dieOffset) throws DwarfFormatException {
        SectionCursor in = section.listCursor(offset, "location list", dieOffset);
        int size = unit.header().addressSize();
        long base = unit.baseAddress();
        byte[] fallback = null;
        for (int entries = 0; entries < MAX_ENTRIES; entries++) {
            int kind = in.u8("DW_LLE entry kind");
            long low;
            long high;
            switch (kind) {
                case DW_LLE_END_OF_LIST -> {
                    return Optional.ofNullable(fallback);
                }
                case DW_LLE_BASE_ADDRESSX -> {
                    base = unit.addressAt(in.uleb("DW_LLE_base_addressx index"));
                    continue;
                }
                case DW_LLE_BASE_ADDRESS -> {
                    base = in.unsigned(size, "DW_LLE_base_address");
                    continue;
                }
                case DW_LLE_DEFAULT_LOCATION -> {
                    fallback = expression(in);
                    continue;
                }
                case DW_LLE_STARTX_ENDX -> {
                    low = unit.addressAt(in.uleb("DW_LLE_startx_endx start"));
                    high = unit.addressAt(in.uleb("DW_LLE_startx_endx end"));
                }
                case DW_LLE_STARTX_LENGTH -> {
                    low = unit.addressAt(in.uleb("DW_LLE_startx_length start"));
                    high = low + in.uleb("DW_LLE_startx_length length");
                }
                case DW_LLE_OFFSET_PAIR -> {
                    low = base + in.uleb("DW_LLE_offset_pair start");
                    high = base + in.uleb("DW_LLE_offset_pair end");
                }
                case DW_LLE_START_END -> {
                    low = in.unsigned(size, "DW_LLE_start_end start");
                    high = in.unsigned(size, "DW_LLE_start_end end");
                }
                case DW_LLE_START_LENGTH -> {
                    low = in.unsigned(size, "DW_LLE_start_length start");
                    high = low + in.uleb("DW_LLE_start_length length");
                }
                default -> throw in.errorAt(in.position() - 1, "expected a DW_LLE_* entry kind 0 to 8, found " + kind);
            }
            byte[] expression = expression(in);
            if (covers(low, high, pc)) {
                return Optional.of(expression);
            }
        }
        throw in.error("expected a location list to end within " + MAX_ENTRIES + " entries");
    }

    /** A counted location description: a ULEB128 length, then the expression. */
    private static byte[] expression(SectionCursor in) throws DwarfFormatException {
        return in.bytes(in.uleb("location expression length"), "location expression");
    }

    private static boolean covers(long low, long high, long pc) {
        return Long.compareUnsigned(low, pc) <= 0 && Long.compareUnsigned(pc, high) < 0;
    }
}
