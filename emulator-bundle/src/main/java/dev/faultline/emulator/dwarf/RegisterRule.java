package dev.faultline.emulator.dwarf;

/** How to recover a register's value in the caller (DWARF 5 section 6.4.1, "register rules"). */
public sealed interface RegisterRule {

    /** The caller's value is lost (DW_CFA_undefined); for the return address column: outermost frame. */
    record Undefined() implements RegisterRule {
    }

    /** The callee left the register unchanged (DW_CFA_same_value). */
    record SameValue() implements RegisterRule {
    }

    /** Saved in memory at CFA + offset (DW_CFA_offset and its variants). */
    record Offset(long offset) implements RegisterRule {
    }

    /** The value is CFA + offset itself (DW_CFA_val_offset). */
    record ValOffset(long offset) implements RegisterRule {
    }

    /** Saved in another register (DW_CFA_register). */
    record InRegister(int register) implements RegisterRule {
    }

    /** Saved at the address a DWARF expression computes (DW_CFA_expression). */
    record Expression(byte[] expression) implements RegisterRule {
    }

    /** The value a DWARF expression computes (DW_CFA_val_expression). */
    record ValExpression(byte[] expression) implements RegisterRule {
    }
}
