package dev.faultline.emulator.isa;

import static dev.faultline.emulator.isa.CompressedFields.rd;
import static dev.faultline.emulator.isa.CompressedFields.rs1Prime;
import static dev.faultline.emulator.isa.CompressedFields.rs2;
import static dev.faultline.emulator.isa.CompressedFields.rs2Prime;

/**
 * Expands a 16-bit instruction into the 32-bit instruction it stands for, with explicit registers,
 * as chapter "C" Standard Extension of the RISC-V unprivileged specification defines each one
 * ("expands into addi rd, rd, nzimm[5:0]", ...), and rejects the code points it reserves.
 * HINT code points (for example C.ADDI with rd = x0, C.LI with rd = x0, C.SLLI with shamt = 0) are
 * legal instructions and expand like any other.
 */
final class CompressedDecoder {

    private static final int ZERO = 0;
    private static final int RA = 1;
    private static final int SP = 2;

    private CompressedDecoder() {
    }

    static Instruction expand(Encoding encoding, int h) {
        return switch (encoding) {
            case C_ADDI4SPN -> nonZero(CompressedFields.addi4spnImm(h), h, encoding, rs2Prime(h), SP);
            case C_LW -> of(encoding, h, rs2Prime(h), rs1Prime(h), ZERO, CompressedFields.wordOffset(h));
            case C_LD -> of(encoding, h, rs2Prime(h), rs1Prime(h), ZERO, CompressedFields.doubleOffset(h));
            case C_SW -> of(encoding, h, ZERO, rs1Prime(h), rs2Prime(h), CompressedFields.wordOffset(h));
            case C_SD -> of(encoding, h, ZERO, rs1Prime(h), rs2Prime(h), CompressedFields.doubleOffset(h));
            case C_ADDI -> of(encoding, h, rd(h), rd(h), ZERO, CompressedFields.ciImm(h));
            case C_ADDIW -> withRd(encoding, h, rd(h), CompressedFields.ciImm(h));
            case C_LI -> of(encoding, h, rd(h), ZERO, ZERO, CompressedFields.ciImm(h));
            case C_ADDI16SP -> nonZero(CompressedFields.addi16spImm(h), h, encoding, SP, SP);
            case C_LUI -> nonZero(CompressedFields.luiImm(h), h, encoding, rd(h), ZERO);
            case C_SRLI, C_SRAI -> of(encoding, h, rs1Prime(h), rs1Prime(h), ZERO, CompressedFields.shamt(h));
            case C_ANDI -> of(encoding, h, rs1Prime(h), rs1Prime(h), ZERO, CompressedFields.ciImm(h));
            case C_SUB, C_XOR, C_OR, C_AND, C_SUBW, C_ADDW -> of(encoding, h, rs1Prime(h), rs1Prime(h), rs2Prime(h), 0);
            case C_J -> of(encoding, h, ZERO, ZERO, ZERO, CompressedFields.jumpOffset(h));
            case C_BEQZ, C_BNEZ -> of(encoding, h, ZERO, rs1Prime(h), ZERO, CompressedFields.branchOffset(h));
            case C_SLLI -> of(encoding, h, rd(h), rd(h), ZERO, CompressedFields.shamt(h));
            case C_LWSP -> withRd(encoding, h, SP, CompressedFields.lwspOffset(h));
            case C_LDSP -> withRd(encoding, h, SP, CompressedFields.ldspOffset(h));
            case C_SWSP -> of(encoding, h, ZERO, SP, rs2(h), CompressedFields.swspOffset(h));
            case C_SDSP -> of(encoding, h, ZERO, SP, rs2(h), CompressedFields.sdspOffset(h));
            case C_JR -> rd(h) == ZERO ? illegal(h) : of(encoding, h, ZERO, rd(h), ZERO, 0); // rs1 = x0 is reserved
            case C_MV -> of(encoding, h, rd(h), ZERO, rs2(h), 0);
            case C_EBREAK -> of(encoding, h, ZERO, ZERO, ZERO, 0);
            case C_JALR -> of(encoding, h, RA, rd(h), ZERO, 0);
            case C_ADD -> of(encoding, h, rd(h), rd(h), rs2(h), 0);
            default -> throw new IllegalStateException(encoding + " is not a compressed encoding");
        };
    }

    /** C.ADDI4SPN, C.ADDI16SP and C.LUI reserve the code points whose immediate is zero. */
    private static Instruction nonZero(int imm, int h, Encoding encoding, int rd, int rs1) {
        return imm == 0 ? illegal(h) : of(encoding, h, rd, rs1, ZERO, imm);
    }

    /** C.ADDIW, C.LWSP and C.LDSP reserve the code points whose rd is x0. */
    private static Instruction withRd(Encoding encoding, int h, int rs1, long imm) {
        return rd(h) == ZERO ? illegal(h) : of(encoding, h, rd(h), rs1, ZERO, imm);
    }

    private static Instruction illegal(int h) {
        return Instruction.illegal(h, 2);
    }

    private static Instruction of(Encoding encoding, int h, int rd, int rs1, int rs2, long imm) {
        return new Instruction(encoding.opcode(), rd, rs1, rs2, imm, 0, 2, h, encoding);
    }
}
