package dev.faultline.emulator.disasm;

import java.util.Optional;

/**
 * Writes an {@link InstructionText} in objdump's layout: the mnemonic, a tab, operands separated by
 * commas without spaces; addresses in lower-case hex without leading zeros, followed by the
 * symbolizer's label in angle brackets, or as "0x..." when there is no label; CSRs by their names in
 * the given version of the privileged specification.
 */
final class OperandWriter {

    private final Symbolizer symbolizer;
    private final PrivilegedSpec privilegedSpec;

    OperandWriter(Symbolizer symbolizer, PrivilegedSpec privilegedSpec) {
        this.symbolizer = symbolizer;
        this.privilegedSpec = privilegedSpec;
    }

    String write(InstructionText text) {
        StringBuilder line = new StringBuilder(text.mnemonic());
        String separator = "\t";
        for (Operand operand : text.operands()) {
            line.append(separator).append(operand(operand));
            separator = ",";
        }
        return line.toString();
    }

    String address(long address) {
        Optional<String> label = symbolizer.label(address);
        String hex = Long.toHexString(address);
        return label.map(name -> hex + " <" + name + ">").orElse("0x" + hex);
    }

    private String operand(Operand operand) {
        return switch (operand) {
            case Operand.Register r -> RegisterNames.of(r.number());
            case Operand.Decimal d -> Long.toString(d.value());
            case Operand.Hex h -> "0x" + Long.toHexString(h.value());
            case Operand.Memory m -> m.offset() + "(" + RegisterNames.of(m.base()) + ")";
            case Operand.Indirect i -> "(" + RegisterNames.of(i.base()) + ")";
            case Operand.Target t -> address(t.address());
            case Operand.Csr c -> CsrNames.of(c.number(), privilegedSpec);
            case Operand.Word w -> w.text();
        };
    }
}
