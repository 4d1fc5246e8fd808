package dev.faultline.emulator.disasm;

import dev.faultline.emulator.isa.Instruction;
import java.util.Optional;

/**
 * Chooses which spelling of an instruction objdump prints: the named illegal encodings first, then
 * in the default syntax the alias if objdump has one, else the canonical form; empty when objdump
 * prints the bits as data.
 */
final class Forms {

    private Forms() {
    }

    static Optional<InstructionText> of(Instruction insn, long pc, Syntax syntax) {
        if (!insn.isLegal()) {
            return NamedIllegalForms.of(insn, syntax);
        }
        if (insn.isCompressed()) {
            Optional<InstructionText> alias = syntax == Syntax.ALIASES
                    ? CompressedAliasForms.of(insn, pc) : Optional.empty();
            return alias.or(() -> Optional.of(CompressedForms.of(insn, pc)));
        }
        Optional<InstructionText> canonical = CanonicalForms.of(insn, pc);
        if (canonical.isEmpty() || syntax == Syntax.NO_ALIASES) {
            return canonical;
        }
        return AliasForms.of(insn, pc).or(() -> canonical);
    }
}
