package dev.faultline.emulator.disasm;

import static dev.faultline.emulator.disasm.Operand.dec;
import static dev.faultline.emulator.disasm.Operand.hex;
import static dev.faultline.emulator.disasm.Operand.mem;
import static dev.faultline.emulator.disasm.Operand.reg;
import static dev.faultline.emulator.disasm.Operand.target;

import dev.faultline.emulator.isa.Instruction;

/**
 * The canonical assembly of a 16-bit instruction (objdump's "-M no-aliases"), in the operand
 * syntax of the C chapter of the RISC-V unprivileged specification: one register for instructions
 * that work in place ("c.addi rd,imm", "c.sub rd',rs2'"), offset(base) for loads and stores.
 */
final class CompressedForms {

    private CompressedForms() {
    }

    static InstructionText of(Instruction insn, long pc) {
        String op = insn.encoding().mnemonic();
        int rd = insn.rd();
        long imm = insn.imm();
        return switch (insn.encoding()) {
            case C_ADDI4SPN -> InstructionText.of(op, reg(rd), reg(RegisterNames.SP), dec(imm));
            case C_LW, C_LD, C_LWSP, C_LDSP -> InstructionText.of(op, reg(rd), mem(imm, insn.rs1()));
            case C_SW, C_SD, C_SWSP, C_SDSP -> InstructionText.of(op, reg(insn.rs2()), mem(imm, insn.rs1()));
            // Like addi and addiw, c.addi and c.addiw with rd not x0 are probed as address arithmetic.
            case C_ADDI, C_ADDIW -> CanonicalForms.withAddiProbe(InstructionText.of(op, reg(rd), dec(imm)), insn);
            case C_LI, C_ANDI -> InstructionText.of(op, reg(rd), dec(imm));
            case C_ADDI16SP -> InstructionText.of(op, reg(RegisterNames.SP), dec(imm));
            case C_LUI -> InstructionText.of(op, reg(rd), hex(CanonicalForms.upper20(imm)));
            case C_SLLI, C_SRLI, C_SRAI -> shift(insn);
            case C_SUB, C_XOR, C_OR, C_AND, C_SUBW, C_ADDW, C_MV, C_ADD ->
                    InstructionText.of(op, reg(rd), reg(insn.rs2()));
            case C_J -> InstructionText.of(op, target(pc + imm));
            case C_BEQZ, C_BNEZ -> InstructionText.of(op, reg(insn.rs1()), target(pc + imm));
            case C_JR, C_JALR -> InstructionText.of(op, reg(insn.rs1()));
            case C_EBREAK -> InstructionText.of(op);
            default -> throw new IllegalArgumentException(insn + " is not a compressed instruction");
        };
    }

    /**
     * A shift by zero is a HINT on RV64; objdump names it after RV128's shift by 64, which that code
     * point encodes there: "c.slli64 rd".
     */
    private static InstructionText shift(Instruction insn) {
        String op = insn.encoding().mnemonic();
        if (insn.imm() == 0) {
            return InstructionText.of(op + "64", reg(insn.rd()));
        }
        return InstructionText.of(op, reg(insn.rd()), hex(insn.imm()));
    }
}
