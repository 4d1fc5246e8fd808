package dev.faultline.emulator.isa;

/**
 * Named fields and immediates of a 16-bit compressed instruction, in the formats CR, CI, CSS, CIW,
 * CL, CS, CA, CB and CJ of the RISC-V unprivileged specification, chapter "C" Standard Extension
 * (table "Compressed 16-bit RVC instruction formats" and the immediate layouts of each instruction).
 */
public final class CompressedFields {

    private CompressedFields() {
    }

    public static int quadrant(int bits) {
        return bits & 0x3;
    }

    public static int funct3(int bits) {
        return (bits >>> 13) & 0x7;
    }

    /** The full 5-bit rd/rs1 field of CR and CI formats (bits 11:7). */
    public static int rd(int bits) {
        return (bits >>> 7) & 0x1f;
    }

    /** The full 5-bit rs2 field of CR and CSS formats (bits 6:2). */
    public static int rs2(int bits) {
        return (bits >>> 2) & 0x1f;
    }

    /** rs1' (or rd'/rs1' of CA and CB) in bits 9:7, one of x8-x15. */
    public static int rs1Prime(int bits) {
        return ((bits >>> 7) & 0x7) + 8;
    }

    /** rs2' (or rd' of CL and CIW) in bits 4:2, one of x8-x15. */
    public static int rs2Prime(int bits) {
        return ((bits >>> 2) & 0x7) + 8;
    }

    /** CI immediate: imm[5] in bit 12, imm[4:0] in bits 6:2, sign-extended. */
    public static int ciImm(int bits) {
        return (((bits << 19) >> 31) << 5) | ((bits >>> 2) & 0x1f);
    }

    /** Shift amount of C.SLLI, C.SRLI, C.SRAI: shamt[5] in bit 12, shamt[4:0] in bits 6:2. */
    public static int shamt(int bits) {
        return (((bits >>> 12) & 1) << 5) | ((bits >>> 2) & 0x1f);
    }

    /** C.LUI immediate: nzimm[17] in bit 12, nzimm[16:12] in bits 6:2, sign-extended, in place. */
    public static int luiImm(int bits) {
        return ciImm(bits) << 12;
    }

    /** C.ADDI16SP immediate: nzimm[9] in bit 12, nzimm[4|6|8:7|5] in bits 6:2, sign-extended. */
    public static int addi16spImm(int bits) {
        return (((bits << 19) >> 31) << 9)
                | (((bits >>> 6) & 1) << 4)
                | (((bits >>> 5) & 1) << 6)
                | (((bits >>> 3) & 3) << 7)
                | (((bits >>> 2) & 1) << 5);
    }

    /** C.ADDI4SPN immediate: nzuimm[5:4|9:6|2|3] in bits 12:5. */
    public static int addi4spnImm(int bits) {
        return (((bits >>> 11) & 3) << 4)
                | (((bits >>> 7) & 0xf) << 6)
                | (((bits >>> 6) & 1) << 2)
                | (((bits >>> 5) & 1) << 3);
    }

    /** C.LW/C.SW offset: uimm[5:3] in bits 12:10, uimm[2|6] in bits 6:5. */
    public static int wordOffset(int bits) {
        return (((bits >>> 10) & 7) << 3) | (((bits >>> 6) & 1) << 2) | (((bits >>> 5) & 1) << 6);
    }

    /** C.LD/C.SD offset: uimm[5:3] in bits 12:10, uimm[7:6] in bits 6:5. */
    public static int doubleOffset(int bits) {
        return (((bits >>> 10) & 7) << 3) | (((bits >>> 5) & 3) << 6);
    }

    /** C.LWSP offset: uimm[5] in bit 12, uimm[4:2|7:6] in bits 6:2. */
    public static int lwspOffset(int bits) {
        return (((bits >>> 12) & 1) << 5) | (((bits >>> 4) & 7) << 2) | (((bits >>> 2) & 3) << 6);
    }

    /** C.LDSP offset: uimm[5] in bit 12, uimm[4:3|8:6] in bits 6:2. */
    public static int ldspOffset(int bits) {
        return (((bits >>> 12) & 1) << 5) | (((bits >>> 5) & 3) << 3) | (((bits >>> 2) & 7) << 6);
    }

    /** C.SWSP offset: uimm[5:2|7:6] in bits 12:7. */
    public static int swspOffset(int bits) {
        return (((bits >>> 9) & 0xf) << 2) | (((bits >>> 7) & 3) << 6);
    }

    /** C.SDSP offset: uimm[5:3|8:6] in bits 12:7. */
    public static int sdspOffset(int bits) {
        return (((bits >>> 10) & 7) << 3) | (((bits >>> 7) & 7) << 6);
    }

    /** C.J offset: imm[11|4|9:8|10|6|7|3:1|5] in bits 12:2, sign-extended. */
    public static int jumpOffset(int bits) {
        return (((bits << 19) >> 31) << 11)
                | (((bits >>> 11) & 1) << 4)
                | (((bits >>> 9) & 3) << 8)
                | (((bits >>> 8) & 1) << 10)
                | (((bits >>> 7) & 1) << 6)
                | (((bits >>> 6) & 1) << 7)
                | (((bits >>> 3) & 7) << 1)
                | (((bits >>> 2) & 1) << 5);
    }

    /** C.BEQZ/C.BNEZ offset: imm[8|4:3] in bits 12:10, imm[7:6|2:1|5] in bits 6:2, sign-extended. */
    public static int branchOffset(int bits) {
        return (((bits << 19) >> 31) << 8)
                | (((bits >>> 10) & 3) << 3)
                | (((bits >>> 5) & 3) << 6)
                | (((bits >>> 3) & 3) << 1)
                | (((bits >>> 2) & 1) << 5);
    }
}
