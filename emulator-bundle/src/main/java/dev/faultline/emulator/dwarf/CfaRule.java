package dev.faultline.emulator.dwarf;

/** How to compute the Canonical Frame Address (DWARF 5 section 6.4.1): a register plus an offset, or an expression. */
public sealed interface CfaRule {

    /** CFA = value of register + offset (DW_CFA_def_cfa and its variants). */
    record RegisterOffset(int register, long offset) implements CfaRule {
    }

    /** CFA = value of a DWARF expression (DW_CFA_def_cfa_expression), kept for display; the unwinder rejects it. */
    record Expression(byte[] expression) implements CfaRule {
    }
}
