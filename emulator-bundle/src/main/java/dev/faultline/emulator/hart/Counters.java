package dev.faultline.emulator.hart;

import static dev.faultline.emulator.hart.Slot.imm;
import static dev.faultline.emulator.hart.Slot.rd;
import static dev.faultline.emulator.hart.Slot.rs1;

import dev.faultline.emulator.trap.TrapCause;

/**
 * The CSRs a user-mode hart may touch: the read-only counters cycle, time and instret (RISC-V
 * unprivileged specification, "Zicntr"). Here all three read the retired-instruction count, so
 * the machine stays deterministic. Any other CSR, and any write to these, is an illegal
 * instruction, as is every supervisor or machine CSR.
 */
final class Counters {

    static final int CYCLE = 0xc00;
    static final int TIME = 0xc01;
    static final int INSTRET = 0xc02;

    private Counters() {
    }

    /** The value a CSR instruction reads, or a trap if it names another CSR or would write. */
    static long read(long slot, long retired, long pc, HartMemory memory) {
        int csr = (int) imm(slot) & 0xfff;
        int op = (int) slot & 0xff;
        // CSRRS/CSRRC with rs1 = x0 and CSRRSI/CSRRCI with uimm = 0 read without writing;
        // CSRRW/CSRRWI always write (unprivileged specification, "CSR Instructions").
        boolean writes = op == Op.CSRRW || op == Op.CSRRWI || rs1(slot) != 0;
        if (writes || (csr != CYCLE && csr != TIME && csr != INSTRET)) {
            throw memory.trap(TrapCause.ILLEGAL_INSTRUCTION, bits(slot), pc);
        }
        return retired;
    }

    /** The instruction's bits, rebuilt from its fields (CSR instructions have no compressed form). */
    static long bits(long slot) {
        int op = (int) slot & 0xff;
        int funct3 = switch (op) {
            case Op.CSRRW -> 1;
            case Op.CSRRS -> 2;
            case Op.CSRRC -> 3;
            case Op.CSRRWI -> 5;
            case Op.CSRRSI -> 6;
            default -> 7;
        };
        int rd = rd(slot) & 31; // 32, the discarded write, was x0
        long bits = ((imm(slot) & 0xfff) << 20) | ((long) rs1(slot) << 15) | ((long) funct3 << 12) | ((long) rd << 7) | 0x73;
        return bits & 0xffffffffL;
    }
}
