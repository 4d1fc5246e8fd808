package dev.faultline.emulator.isa;

/**
 * One decoded instruction with explicit operands, ready to execute: the base operation, its registers
 * and immediate as the semantics in the RISC-V unprivileged specification use them, and the encoding
 * it came from (a compressed instruction names its C-extension encoding, so its 16-bit form is
 * never lost).
 *
 * @param opcode   the operation; {@link Opcode#ILLEGAL} for anything that is not an instruction
 * @param rd       destination register (0 when the instruction has none)
 * @param rs1      first source register; for CSRRWI/CSRRSI/CSRRCI the 5-bit zimm
 * @param rs2      second source register (0 when the instruction has none)
 * @param imm      sign-extended immediate: I/S/B/J offsets, U immediates already shifted left by 12,
 *                 shift amounts; 0 when the instruction has none
 * @param csr      the 12-bit CSR number of a Zicsr instruction, else 0
 * @param length   2 or 4 bytes
 * @param raw      the instruction bits (16 of them for a compressed instruction)
 * @param encoding the table entry the bits matched; {@code null} only for {@link Opcode#ILLEGAL}
 */
public record Instruction(Opcode opcode, int rd, int rs1, int rs2, long imm, int csr, int length, int raw,
        Encoding encoding) {

    /** Bits that are not an instruction of this hart; executing them raises an illegal-instruction trap. */
    public static Instruction illegal(int raw, int length) {
        return new Instruction(Opcode.ILLEGAL, 0, 0, 0, 0, 0, length, raw, null);
    }

    public boolean isLegal() {
        return opcode != Opcode.ILLEGAL;
    }

    /** Whether this came from a 16-bit C-extension encoding. */
    public boolean isCompressed() {
        return length == 2;
    }

    /** FENCE predecessor set, bits I, O, R, W from high to low. */
    public int pred() {
        return Fields.pred(raw);
    }

    /** FENCE successor set, bits I, O, R, W from high to low. */
    public int succ() {
        return Fields.succ(raw);
    }

    /** FENCE mode (0b1000 with pred = succ = RW is FENCE.TSO). */
    public int fm() {
        return Fields.fm(raw);
    }

    /** Acquire ordering of an LR, SC or AMO. */
    public boolean aq() {
        return Fields.aq(raw);
    }

    /** Release ordering of an LR, SC or AMO. */
    public boolean rl() {
        return Fields.rl(raw);
    }
}
