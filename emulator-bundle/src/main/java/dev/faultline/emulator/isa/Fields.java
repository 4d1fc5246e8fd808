package dev.faultline.emulator.isa;

/**
 * Named fields and immediates of a 32-bit instruction, as laid out in the base formats R, I, S, B, U
 * and J of the RISC-V unprivileged specification (section "Base Instruction Formats" and
 * "Immediate Encoding Variants"), plus the fields of the A, Zicsr and FENCE encodings.
 */
public final class Fields {

    private Fields() {
    }

    public static int opcode(int bits) {
        return bits & 0x7f;
    }

    public static int rd(int bits) {
        return (bits >>> 7) & 0x1f;
    }

    public static int funct3(int bits) {
        return (bits >>> 12) & 0x7;
    }

    public static int rs1(int bits) {
        return (bits >>> 15) & 0x1f;
    }

    public static int rs2(int bits) {
        return (bits >>> 20) & 0x1f;
    }

    public static int funct7(int bits) {
        return bits >>> 25;
    }

    /** I-type immediate: bits 31:20, sign-extended. */
    public static int iImm(int bits) {
        return bits >> 20;
    }

    /** S-type immediate: bits 31:25 and 11:7, sign-extended. */
    public static int sImm(int bits) {
        return ((bits >> 25) << 5) | ((bits >>> 7) & 0x1f);
    }

    /** B-type offset: imm[12|10:5] in bits 31:25, imm[4:1|11] in bits 11:7; bit 0 is zero. */
    public static int bImm(int bits) {
        return ((bits >> 31) << 12)
                | (((bits >>> 7) & 0x1) << 11)
                | (((bits >>> 25) & 0x3f) << 5)
                | (((bits >>> 8) & 0xf) << 1);
    }

    /** U-type immediate: bits 31:12 in place, low twelve bits zero; sign-extends from bit 31. */
    public static int uImm(int bits) {
        return bits & 0xfffff000;
    }

    /** J-type offset: imm[20|10:1|11|19:12] in bits 31:12; bit 0 is zero. */
    public static int jImm(int bits) {
        return ((bits >> 31) << 20)
                | (bits & 0x000ff000)
                | (((bits >>> 20) & 0x1) << 11)
                | (((bits >>> 21) & 0x3ff) << 1);
    }

    /** Shift amount of SLLI/SRLI/SRAI on RV64: six bits (bit 25 is shamt[5]). */
    public static int shamt(int bits) {
        return (bits >>> 20) & 0x3f;
    }

    /** The 12-bit CSR number of a Zicsr instruction. */
    public static int csr(int bits) {
        return bits >>> 20;
    }

    /** FENCE predecessor set (I, O, R, W from bit 27 down to bit 24). */
    public static int pred(int bits) {
        return (bits >>> 24) & 0xf;
    }

    /** FENCE successor set (I, O, R, W from bit 23 down to bit 20). */
    public static int succ(int bits) {
        return (bits >>> 20) & 0xf;
    }

    /** FENCE mode: 0000 for a normal fence, 1000 with RW,RW for FENCE.TSO. */
    public static int fm(int bits) {
        return bits >>> 28;
    }

    /** The acquire bit of an A-extension instruction. */
    public static boolean aq(int bits) {
        return ((bits >>> 26) & 1) != 0;
    }

    /** The release bit of an A-extension instruction. */
    public static boolean rl(int bits) {
        return ((bits >>> 25) & 1) != 0;
    }
}
