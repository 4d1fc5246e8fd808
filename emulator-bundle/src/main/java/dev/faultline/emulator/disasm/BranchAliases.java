package dev.faultline.emulator.disasm;

import static dev.faultline.emulator.disasm.Operand.reg;
import static dev.faultline.emulator.disasm.Operand.target;
import static dev.faultline.emulator.disasm.RegisterNames.ZERO;

import dev.faultline.emulator.isa.Instruction;

/**
 * The branch-against-zero pseudoinstructions of the RISC-V assembly programmer's handbook: beqz,
 * bnez, bltz, bgtz, blez, bgez. objdump never prints the swapped-operand ones (bgt, ble, bgtu, bleu)
 * because the real instructions come first in its table.
 */
final class BranchAliases {

    private BranchAliases() {
    }

    static InstructionText of(Instruction insn, long pc) {
        int rs1 = insn.rs1();
        int rs2 = insn.rs2();
        Operand to = target(pc + insn.imm());
        return switch (insn.opcode()) {
            case BEQ -> rs2 == ZERO ? InstructionText.of("beqz", reg(rs1), to) : null;
            case BNE -> rs2 == ZERO ? InstructionText.of("bnez", reg(rs1), to) : null;
            case BLT -> rs2 == ZERO ? InstructionText.of("bltz", reg(rs1), to)
                    : rs1 == ZERO ? InstructionText.of("bgtz", reg(rs2), to) : null;
            // blez comes before bgez, so "bge zero,zero" prints as "blez zero".
            case BGE -> rs1 == ZERO ? InstructionText.of("blez", reg(rs2), to)
                    : rs2 == ZERO ? InstructionText.of("bgez", reg(rs1), to) : null;
            default -> null;
        };
    }
}
