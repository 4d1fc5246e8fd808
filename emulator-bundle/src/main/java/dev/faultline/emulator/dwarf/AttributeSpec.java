package dev.faultline.emulator.dwarf;

/** One (attribute, form) pair of an abbreviation (DWARF 5 section 7.5.3), with DW_FORM_implicit_const's value. */
public record AttributeSpec(int attribute, int form, long implicitConst) {
}
