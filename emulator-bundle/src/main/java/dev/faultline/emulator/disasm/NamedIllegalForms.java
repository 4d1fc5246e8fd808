package dev.faultline.emulator.disasm;

import static dev.faultline.emulator.disasm.Operand.dec;
import static dev.faultline.emulator.disasm.Operand.reg;

import dev.faultline.emulator.isa.Fields;
import dev.faultline.emulator.isa.Instruction;
import java.util.Map;
import java.util.Optional;

/**
 * Encodings that objdump names although a user-mode RV64IMAC hart treats them as illegal: the
 * privileged instructions (RISC-V privileged specification, "Instruction listing": the trap returns,
 * wfi, sfence.vma, and the older hret, uret and sfence.vm that binutils still lists), the all-zero
 * halfword objdump calls c.unimp, and C.ADDI16SP with a zero immediate, a reserved code point that
 * objdump accepts as an instruction.
 */
final class NamedIllegalForms {

    private static final Map<Integer, String> EXACT_WORDS = Map.of(
            0x00200073, "uret", 0x10200073, "sret", 0x20200073, "hret", 0x30200073, "mret",
            0x7b200073, "dret", 0x10500073, "wfi");
    private static final int SFENCE_VMA = 0x12000073;
    private static final int SFENCE_VMA_MASK = 0xfe007fff;
    private static final int SFENCE_VM = 0x10400073;
    private static final int SFENCE_VM_MASK = 0xfff07fff;
    private static final int C_UNIMP = 0x0000;
    private static final int C_ADDI16SP_ZERO = 0x6101;

    private NamedIllegalForms() {
    }

    static Optional<InstructionText> of(Instruction insn, Syntax syntax) {
        int raw = insn.raw();
        boolean aliases = syntax == Syntax.ALIASES;
        if (insn.length() == 2) {
            return switch (raw) {
                case C_UNIMP -> Optional.of(InstructionText.of(aliases ? "unimp" : "c.unimp"));
                case C_ADDI16SP_ZERO -> Optional.of(aliases
                        ? InstructionText.of("add", reg(RegisterNames.SP), reg(RegisterNames.SP), dec(0))
                        : InstructionText.of("c.addi16sp", reg(RegisterNames.SP), dec(0)));
                default -> Optional.empty();
            };
        }
        if (EXACT_WORDS.containsKey(raw)) {
            return Optional.of(InstructionText.of(EXACT_WORDS.get(raw)));
        }
        if ((raw & SFENCE_VMA_MASK) == SFENCE_VMA) {
            return Optional.of(sfenceVma(Fields.rs1(raw), Fields.rs2(raw), aliases));
        }
        if ((raw & SFENCE_VM_MASK) == SFENCE_VM) {
            int rs1 = Fields.rs1(raw);
            return Optional.of(rs1 == 0 ? InstructionText.of("sfence.vm") : InstructionText.of("sfence.vm", reg(rs1)));
        }
        return Optional.empty();
    }

    /** The alias form drops trailing x0 operands: "sfence.vma", "sfence.vma a0". */
    private static InstructionText sfenceVma(int rs1, int rs2, boolean aliases) {
        if (aliases && rs2 == 0) {
            return rs1 == 0 ? InstructionText.of("sfence.vma") : InstructionText.of("sfence.vma", reg(rs1));
        }
        return InstructionText.of("sfence.vma", reg(rs1), reg(rs2));
    }
}
