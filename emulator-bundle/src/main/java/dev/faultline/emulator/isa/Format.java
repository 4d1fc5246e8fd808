package dev.faultline.emulator.isa;

/**
 * Where an encoding keeps its operands: the base formats of the RISC-V unprivileged specification
 * (section "Base Instruction Formats"), the I-type variants that hold a shift amount or a CSR, and
 * the compressed formats of chapter "C" Standard Extension, table "Compressed 16-bit RVC instruction
 * formats".
 */
public enum Format {
    /** rd, rs1, rs2 (also the A extension, whose aq/rl bits sit in funct7). */
    R,
    /** rd, rs1, 12-bit signed immediate. */
    I,
    /** I-type with a 6-bit shift amount in place of the immediate. */
    I_SHIFT,
    /** rd, rs1 (register or 5-bit zimm), 12-bit CSR number. */
    I_CSR,
    /** rs1, rs2, 12-bit signed offset. */
    S,
    /** rs1, rs2, 13-bit signed branch offset. */
    B,
    /** rd, upper 20 bits. */
    U,
    /** rd, 21-bit signed jump offset. */
    J,
    /** FENCE: fm, pred, succ; rd and rs1 are reserved and ignored. */
    FENCE,
    /** No operands (ECALL, EBREAK, FENCE.I, whose other fields are reserved and ignored). */
    NONE,
    CR, CI, CSS, CIW, CL, CS, CA, CB, CJ;

    /** Whether this is one of the 16-bit formats of the C extension. */
    public boolean isCompressed() {
        return ordinal() >= CR.ordinal();
    }
}
