package dev.faultline.emulator.isa;

/**
 * A test-side assembler for single instructions, written straight from the format diagrams of the
 * RISC-V unprivileged specification and independent of the decoder's field accessors: immediates
 * are scattered bit by bit as the diagrams list them.
 */
final class Encode {

    private Encode() {
    }

    /**
     * Places bits of {@code value} into an instruction: {@code pairs} lists, for each immediate bit,
     * the instruction bit it lands in followed by the value bit it comes from.
     */
    static int scatter(int value, int... pairs) {
        int bits = 0;
        for (int i = 0; i < pairs.length; i += 2) {
            bits |= ((value >>> pairs[i + 1]) & 1) << pairs[i];
        }
        return bits;
    }

    /** Instruction bits hi..lo taken from value bits hi-shift..lo-shift, as pairs for {@link #scatter}. */
    static int[] range(int hi, int lo, int valueLo) {
        int[] pairs = new int[2 * (hi - lo + 1)];
        for (int bit = lo; bit <= hi; bit++) {
            pairs[2 * (bit - lo)] = bit;
            pairs[2 * (bit - lo) + 1] = valueLo + bit - lo;
        }
        return pairs;
    }

    static int[] concat(int[]... parts) {
        return java.util.Arrays.stream(parts).flatMapToInt(java.util.Arrays::stream).toArray();
    }

    static int r(int opcode, int funct3, int funct7, int rd, int rs1, int rs2) {
        return funct7 << 25 | rs2 << 20 | rs1 << 15 | funct3 << 12 | rd << 7 | opcode;
    }

    static int i(int opcode, int funct3, int rd, int rs1, int imm) {
        return (imm & 0xfff) << 20 | rs1 << 15 | funct3 << 12 | rd << 7 | opcode;
    }

    static int s(int opcode, int funct3, int rs1, int rs2, int imm) {
        return scatter(imm, concat(range(31, 25, 5), range(11, 7, 0))) | rs2 << 20 | rs1 << 15 | funct3 << 12 | opcode;
    }

    static int b(int opcode, int funct3, int rs1, int rs2, int offset) {
        int imm = scatter(offset, concat(new int[] {31, 12, 7, 11}, range(30, 25, 5), range(11, 8, 1)));
        return imm | rs2 << 20 | rs1 << 15 | funct3 << 12 | opcode;
    }

    static int u(int opcode, int rd, int imm20) {
        return imm20 << 12 | rd << 7 | opcode;
    }

    static int j(int opcode, int rd, int offset) {
        int imm = scatter(offset, concat(new int[] {31, 20}, range(30, 21, 1), new int[] {20, 11}, range(19, 12, 12)));
        return imm | rd << 7 | opcode;
    }

    /** A compressed instruction: funct3 in bits 15:13, quadrant in 1:0, and the other bits given. */
    static int c(int funct3, int quadrant, int otherBits) {
        return funct3 << 13 | otherBits | quadrant;
    }
}
