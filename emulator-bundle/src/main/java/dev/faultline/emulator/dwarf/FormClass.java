package dev.faultline.emulator.dwarf;

/**
 * How an attribute value is to be understood (DWARF 5 section 7.5.5, attribute classes), with the
 * indexed classes kept apart because they are resolved through the unit's base attributes.
 */
public enum FormClass {
    /** An address (DW_FORM_addr). */
    ADDRESS,
    /** An index into .debug_addr (addrx*). */
    ADDRESS_INDEX,
    /** Bytes: block* forms and exprloc (a DWARF expression). */
    BLOCK,
    /** An unsigned constant (data1..8, udata, implicit_const). */
    CONSTANT,
    /** A signed constant (sdata). */
    SIGNED_CONSTANT,
    /** A 16-byte constant (data16), kept as a block. */
    WIDE_CONSTANT,
    FLAG,
    /** Another DIE, as an offset from the start of .debug_info. */
    REFERENCE,
    /** A type unit's 8-byte signature (ref_sig8). */
    SIGNATURE,
    /** A string stored in the DIE (DW_FORM_string). */
    INLINE_STRING,
    /** An offset into .debug_str. */
    STRING_OFFSET,
    /** An offset into .debug_line_str. */
    LINE_STRING_OFFSET,
    /** An index into .debug_str_offsets. */
    STRING_INDEX,
    /** An offset into another section (.debug_line, .debug_ranges, .debug_loclists...). */
    SECTION_OFFSET,
    /** An index into the unit's range list offsets (rnglistx). */
    RANGE_LIST_INDEX,
    /** An index into the unit's location list offsets (loclistx). */
    LOCATION_LIST_INDEX,
    /** Refers to a supplementary object file, which this reader does not open. */
    SUPPLEMENTARY
}
