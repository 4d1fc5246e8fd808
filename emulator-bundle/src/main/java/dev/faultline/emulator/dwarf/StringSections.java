package dev.faultline.emulator.dwarf;

/**
 * Resolves string attribute values (DWARF 5 sections 7.26 and 7.5.5): offsets into .debug_str and
 * .debug_line_str, and indices through a unit's contribution to .debug_str_offsets.
 */
final class StringSections {

    private final DwarfSections sections;

    StringSections(DwarfSections sections) {
        this.sections = sections;
    }

    /** The string at offset in .debug_str or .debug_line_str; where names the referring field. */
    String at(String sectionName, long offset, String where, long whereOffset) throws DwarfFormatException {
        DwarfSection section = sections.require(sectionName, "a string", where, whereOffset);
        if (offset < 0 || offset >= section.size()) {
            throw new DwarfFormatException(where, whereOffset, "expected an offset inside " + sectionName + " (0x"
                    + Integer.toHexString(section.size()) + " bytes), found 0x" + Long.toHexString(offset));
        }
        return section.cursor(offset).cstring("a string");
    }

    /**
     * The string at index through .debug_str_offsets: base is the unit's DW_AT_str_offsets_base
     * (the first entry after the contribution's header), entries are offsetSize bytes.
     */
    String indexed(long base, long index, int offsetSize, String where, long whereOffset) throws DwarfFormatException {
        DwarfSection offsets = sections.require(".debug_str_offsets", "DW_FORM_strx", where, whereOffset);
        long entry = base + index * offsetSize;
        if (index < 0 || base < 0 || index > offsets.size() || entry < 0 || entry + offsetSize > offsets.size()) {
            throw new DwarfFormatException(where, whereOffset, "expected string index " + index + " (base 0x"
                    + Long.toHexString(base) + ") inside .debug_str_offsets (0x" + Integer.toHexString(offsets.size())
                    + " bytes)");
        }
        long offset = offsets.cursor(entry).offset(offsetSize, "a string offset");
        return at(".debug_str", offset, ".debug_str_offsets", entry);
    }
}
