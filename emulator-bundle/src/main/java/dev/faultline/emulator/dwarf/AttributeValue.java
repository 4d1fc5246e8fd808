package dev.faultline.emulator.dwarf;

/**
 * One attribute of a DIE as encoded (DWARF 5 section 7.5.4): the attribute, its form, its class,
 * and the raw value. Indexed and offset forms are resolved by {@link Die}, which knows its unit's
 * bases; a block or exprloc keeps its bytes for the location expressions a later reader evaluates.
 *
 * @param value the number: address, constant (sign-extended for SIGNED_CONSTANT), flag (0 or 1),
 *     absolute .debug_info offset for references, section offset or index
 * @param text the string of DW_FORM_string, else null
 * @param block the bytes of block, exprloc and data16 forms, else null
 */
public record AttributeValue(int attribute, int form, FormClass formClass, long value, String text, byte[] block) {

    /** A copy of the block bytes (empty when the value is not a block). */
    public byte[] blockBytes() {
        return block == null ? new byte[0] : block.clone();
    }

    /** Whether this is a constant usable as a number (DW_AT_high_pc as an offset, decl_line...). */
    public boolean isConstant() {
        return formClass == FormClass.CONSTANT || formClass == FormClass.SIGNED_CONSTANT;
    }
}
