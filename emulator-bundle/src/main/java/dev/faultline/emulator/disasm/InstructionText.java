package dev.faultline.emulator.disasm;

import java.util.List;

/**
 * What objdump prints for one instruction before symbols are resolved: a mnemonic, its operands,
 * and the address probes that printing those operands makes (see {@link AddressProbe}).
 */
record InstructionText(String mnemonic, List<Operand> operands, List<AddressProbe> probes) {

    static InstructionText of(String mnemonic, Operand... operands) {
        return new InstructionText(mnemonic, List.of(operands), List.of());
    }

    /** The same text, with one more probe of base + offset. */
    InstructionText probing(int base, long offset) {
        return withProbe(new AddressProbe(base, offset, false));
    }

    /** The same text, with one more probe whose sum is sign-extended from bit 31. */
    InstructionText probingWord(int base, long offset) {
        return withProbe(new AddressProbe(base, offset, true));
    }

    private InstructionText withProbe(AddressProbe probe) {
        List<AddressProbe> more = new java.util.ArrayList<>(probes);
        more.add(probe);
        return new InstructionText(mnemonic, operands, List.copyOf(more));
    }
}
