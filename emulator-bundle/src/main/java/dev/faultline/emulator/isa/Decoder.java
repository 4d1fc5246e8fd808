package dev.faultline.emulator.isa;

/**
 * Decodes instruction bits into an {@link Instruction}, following the instruction-length encoding
 * and the base formats of the RISC-V unprivileged specification: the low two bits tell a 16-bit
 * compressed instruction from a 32-bit one, and the encoding table tells which instruction it is.
 */
public final class Decoder {

    private Decoder() {
    }

    /**
     * Decodes the instruction in {@code bits}: a compressed instruction in the low half when
     * {@code (bits & 3) != 3} (the upper half is then ignored), else a 32-bit instruction.
     */
    public static Instruction decode(int bits) {
        if ((bits & 3) != 3) {
            int halfword = bits & 0xffff;
            return Encoding.find(halfword)
                    .map(encoding -> CompressedDecoder.expand(encoding, halfword))
                    .orElseGet(() -> Instruction.illegal(halfword, 2));
        }
        return Encoding.find(bits)
                .map(encoding -> operands(encoding, bits))
                .orElseGet(() -> Instruction.illegal(bits, 4));
    }

    private static Instruction operands(Encoding encoding, int bits) {
        int rd = Fields.rd(bits);
        int rs1 = Fields.rs1(bits);
        int rs2 = Fields.rs2(bits);
        return switch (encoding.format()) {
            case R -> of(encoding, bits, rd, rs1, rs2, 0, 0);
            case I -> of(encoding, bits, rd, rs1, 0, Fields.iImm(bits), 0);
            case I_SHIFT -> of(encoding, bits, rd, rs1, 0, Fields.shamt(bits), 0);
            case I_CSR -> of(encoding, bits, rd, rs1, 0, 0, Fields.csr(bits));
            case S -> of(encoding, bits, 0, rs1, rs2, Fields.sImm(bits), 0);
            case B -> of(encoding, bits, 0, rs1, rs2, Fields.bImm(bits), 0);
            case U -> of(encoding, bits, rd, 0, 0, Fields.uImm(bits), 0);
            case J -> of(encoding, bits, rd, 0, 0, Fields.jImm(bits), 0);
            case FENCE, NONE -> of(encoding, bits, 0, 0, 0, 0, 0);
            default -> throw new IllegalStateException(encoding + " is not a 32-bit encoding");
        };
    }

    private static Instruction of(Encoding encoding, int bits, int rd, int rs1, int rs2, long imm, int csr) {
        return new Instruction(encoding.opcode(), rd, rs1, rs2, imm, csr, 4, bits, encoding);
    }
}
