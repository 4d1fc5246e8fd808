package dev.faultline.emulator.isa;

/**
 * The fixed fields that tell instructions apart, as masks, and helpers that place opcode, funct3,
 * funct7 and funct5 values where the RISC-V unprivileged specification's formats put them; the
 * encoding table is written with these.
 */
final class MatchBits {

    /** opcode and funct3. */
    static final int F3 = 0x0000707f;
    /** opcode, funct3 and funct6 (RV64 immediate shifts, whose bit 25 is shamt[5]). */
    static final int F6 = 0xfc00707f;
    /** opcode, funct3 and funct7. */
    static final int F7 = 0xfe00707f;
    /** opcode, funct3 and funct5 of an AMO (aq and rl are operands). */
    static final int AMO = 0xf800707f;
    /** An AMO mask that also fixes rs2 to zero, as LR requires. */
    static final int LR = AMO | 0x01f00000;

    /** Compressed quadrant and funct3 (bits 15:13). */
    static final int C_F3 = 0xe003;
    /** Compressed quadrant and funct4 (bits 15:12). */
    static final int C_F4 = 0xf003;
    /** The funct2 of CB-format ALU instructions (bits 11:10). */
    static final int C_F2_HIGH = 0x0c00;
    /** Compressed funct6 (bits 15:10). */
    static final int C_F6 = 0xfc03;
    /** The funct2 of CA-format instructions (bits 6:5). */
    static final int C_F2_LOW = 0x0060;
    /** The rd/rs1 field of CR and CI formats (bits 11:7). */
    static final int RD_FIELD = 0x0f80;
    /** The rs2 field of CR and CSS formats (bits 6:2). */
    static final int RS2_FIELD = 0x007c;

    private MatchBits() {
    }

    static int f3(int opcode, int funct3) {
        return opcode | funct3 << 12;
    }

    static int f7(int opcode, int funct3, int funct7) {
        return f3(opcode, funct3) | funct7 << 25;
    }

    /** An AMO with the given width (funct3 2 for .W, 3 for .D) and funct5. */
    static int amo(int funct3, int funct5) {
        return f3(0x2f, funct3) | funct5 << 27;
    }
}
