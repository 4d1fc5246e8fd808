package dev.faultline.emulator.disasm;

/**
 * How long an instruction is, from its first 16 bits, by the variable-length encoding scheme of the
 * RISC-V unprivileged specification (section "Expanded Instruction-Length Encoding"): 16, 32, 48,
 * 64 bits, then 80 to 176 bits by the nnn field; the reserved 192-bit-and-longer prefix counts as
 * 16 bits, as objdump counts it.
 */
final class InstructionLength {

    private InstructionLength() {
    }

    /** The length in bytes of the instruction whose lowest halfword is given. */
    static int of(int halfword) {
        if ((halfword & 0x03) != 0x03) {
            return 2;
        }
        if ((halfword & 0x1c) != 0x1c) {
            return 4;
        }
        if ((halfword & 0x3f) == 0x1f) {
            return 6;
        }
        if ((halfword & 0x7f) == 0x3f) {
            return 8;
        }
        int nnn = (halfword >>> 12) & 0x7;
        return nnn != 0x7 ? 10 + 2 * nnn : 2;
    }
}
