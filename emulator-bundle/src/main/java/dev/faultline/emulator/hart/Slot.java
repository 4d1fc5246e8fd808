package dev.faultline.emulator.hart;

import dev.faultline.emulator.isa.Instruction;
import dev.faultline.emulator.isa.Opcode;

/**
 * The packed form of a decoded instruction in a page's slot: one long, so the run loop reads
 * one array element per instruction and allocates nothing. Layout: bits 0-7 operation, 8-13 rd
 * (x0 becomes 32, the discarded write), 14-18 rs1, 19-23 rs2, 24-26 length in bytes, 32-63 the
 * sign-extended immediate (CSR number for CSR operations, instruction bits for ILLEGAL).
 */
final class Slot {

    private Slot() {
    }

    static int op(long slot) {
        return (int) slot & 0xff;
    }

    static int rd(long slot) {
        return (int) (slot >>> 8) & 63;
    }

    static int rs1(long slot) {
        return (int) (slot >>> 14) & 31;
    }

    static int rs2(long slot) {
        return (int) (slot >>> 19) & 31;
    }

    static int length(long slot) {
        return (int) (slot >>> 24) & 7;
    }

    static long imm(long slot) {
        return slot >> 32;
    }

    static long pack(int op, int rd, int rs1, int rs2, int length, long imm) {
        return (op & 0xffL)
                | (long) (rd == 0 ? 32 : rd) << 8
                | (long) rs1 << 14
                | (long) rs2 << 19
                | (long) length << 24
                | imm << 32;
    }

    /** Packs a decoded instruction; ILLEGAL keeps its bits as the immediate, for tval. */
    static long pack(Instruction instruction) {
        Opcode opcode = instruction.opcode();
        long imm = switch (opcode) {
            case ILLEGAL -> instruction.raw();
            case CSRRW, CSRRS, CSRRC, CSRRWI, CSRRSI, CSRRCI -> instruction.csr();
            default -> instruction.imm();
        };
        return pack(Op.of(opcode), instruction.rd(), instruction.rs1(), instruction.rs2(), instruction.length(), imm);
    }

    /** A breakpoint marker keeping the instruction's length. */
    static long hook(int length) {
        return pack(Op.HOOK, 0, 0, 0, length, 0);
    }
}
