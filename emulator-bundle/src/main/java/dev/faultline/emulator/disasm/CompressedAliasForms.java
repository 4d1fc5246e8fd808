package dev.faultline.emulator.disasm;

import static dev.faultline.emulator.disasm.Operand.dec;
import static dev.faultline.emulator.disasm.Operand.hex;
import static dev.faultline.emulator.disasm.Operand.mem;
import static dev.faultline.emulator.disasm.Operand.reg;
import static dev.faultline.emulator.disasm.Operand.target;
import static dev.faultline.emulator.disasm.RegisterNames.RA;
import static dev.faultline.emulator.disasm.RegisterNames.SP;
import static dev.faultline.emulator.disasm.RegisterNames.ZERO;

import dev.faultline.emulator.isa.Instruction;
import java.util.Optional;

/**
 * What objdump prints by default for a 16-bit instruction: the 32-bit instruction it expands to
 * (chapter "C" of the RISC-V unprivileged specification), spelled as objdump spells that expansion
 * ("add rd,rd,imm" for c.addi, "sll" for c.slli, "ret" for c.jr ra). HINT forms with rd = x0 have
 * no expansion in objdump's table and keep their c. names.
 */
final class CompressedAliasForms {

    private CompressedAliasForms() {
    }

    /** The alias objdump prefers, or empty when it prints the c. form. */
    static Optional<InstructionText> of(Instruction insn, long pc) {
        int rd = insn.rd();
        int rs1 = insn.rs1();
        int rs2 = insn.rs2();
        long imm = insn.imm();
        String base = insn.opcode().mnemonic();
        return Optional.ofNullable(switch (insn.encoding()) {
            case C_ADDI4SPN -> InstructionText.of("add", reg(rd), reg(SP), dec(imm));
            case C_LW, C_LD, C_LWSP, C_LDSP -> InstructionText.of(base, reg(rd), mem(imm, rs1));
            case C_SW, C_SD, C_SWSP, C_SDSP -> InstructionText.of(base, reg(rs2), mem(imm, rs1));
            case C_ADDI -> addi(insn);
            case C_ADDIW -> imm == 0 ? InstructionText.of("sext.w", reg(rd), reg(rd))
                    : CanonicalForms.withAddiProbe(InstructionText.of("addw", reg(rd), reg(rd), dec(imm)), insn);
            case C_LI -> rd == ZERO ? null : InstructionText.of("li", reg(rd), dec(imm));
            case C_ADDI16SP -> InstructionText.of("add", reg(SP), reg(SP), dec(imm));
            case C_LUI -> rd == ZERO ? null : InstructionText.of("lui", reg(rd), hex(CanonicalForms.upper20(imm)));
            case C_SLLI -> rd == ZERO || imm == 0 ? null : InstructionText.of("sll", reg(rd), reg(rd), hex(imm));
            case C_SRLI -> imm == 0 ? null : InstructionText.of("srl", reg(rd), reg(rd), hex(imm));
            case C_SRAI -> imm == 0 ? null : InstructionText.of("sra", reg(rd), reg(rd), hex(imm));
            case C_ANDI -> InstructionText.of("and", reg(rd), reg(rd), dec(imm));
            case C_SUB, C_XOR, C_OR, C_AND, C_SUBW, C_ADDW -> InstructionText.of(base, reg(rd), reg(rd), reg(rs2));
            case C_J -> InstructionText.of("j", target(pc + imm));
            case C_BEQZ -> InstructionText.of("beqz", reg(rs1), target(pc + imm));
            case C_BNEZ -> InstructionText.of("bnez", reg(rs1), target(pc + imm));
            case C_JR -> rs1 == RA ? InstructionText.of("ret") : InstructionText.of("jr", reg(rs1));
            case C_JALR -> InstructionText.of("jalr", reg(rs1));
            case C_MV -> rd == ZERO ? null : InstructionText.of("mv", reg(rd), reg(rs2));
            case C_ADD -> rd == ZERO ? null : InstructionText.of("add", reg(rd), reg(rd), reg(rs2));
            case C_EBREAK -> InstructionText.of("ebreak");
            default -> throw new IllegalArgumentException(insn + " is not a compressed instruction");
        });
    }

    /** c.nop is c.addi with rd = x0; objdump keeps the c. name for its HINT forms with an immediate. */
    private static InstructionText addi(Instruction insn) {
        if (insn.rd() == ZERO) {
            return insn.imm() == 0 ? InstructionText.of("nop") : InstructionText.of("c.nop", dec(insn.imm()));
        }
        InstructionText add = InstructionText.of("add", reg(insn.rd()), reg(insn.rd()), dec(insn.imm()));
        return CanonicalForms.withAddiProbe(add, insn);
    }
}
