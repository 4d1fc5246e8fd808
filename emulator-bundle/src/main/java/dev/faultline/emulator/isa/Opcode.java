package dev.faultline.emulator.isa;

import java.util.Locale;

/**
 * The operations of a user-mode RV64IMAC hart with Zicsr and Zifencei, one per instruction of the
 * RISC-V unprivileged specification (chapters RV32I/RV64I, "M", "A", "Zicsr", "Zifencei"); compressed
 * instructions decode to these base operations, and anything else is {@link #ILLEGAL}.
 */
public enum Opcode {
    LUI, AUIPC, JAL, JALR, BEQ, BNE, BLT, BGE, BLTU, BGEU, LB, LH, LW, LD, LBU, LHU, LWU, SB, SH, SW, SD,
    ADDI, SLTI, SLTIU, XORI, ORI, ANDI, SLLI, SRLI, SRAI, ADD, SUB, SLL, SLT, SLTU, XOR, SRL, SRA, OR, AND,
    ADDIW, SLLIW, SRLIW, SRAIW, ADDW, SUBW, SLLW, SRLW, SRAW, FENCE, FENCE_I, ECALL, EBREAK,
    CSRRW, CSRRS, CSRRC, CSRRWI, CSRRSI, CSRRCI,
    MUL, MULH, MULHSU, MULHU, DIV, DIVU, REM, REMU, MULW, DIVW, DIVUW, REMW, REMUW,
    LR_W, SC_W, AMOSWAP_W, AMOADD_W, AMOXOR_W, AMOAND_W, AMOOR_W, AMOMIN_W, AMOMAX_W, AMOMINU_W, AMOMAXU_W,
    LR_D, SC_D, AMOSWAP_D, AMOADD_D, AMOXOR_D, AMOAND_D, AMOOR_D, AMOMIN_D, AMOMAX_D, AMOMINU_D, AMOMAXU_D,
    ILLEGAL;

    private final String mnemonic = mnemonicOf(name());

    /** The assembler mnemonic as the specification spells it: "addi", "lr.w", "fence.i", "amoswap.d". */
    public String mnemonic() {
        return mnemonic;
    }

    /** Spec mnemonics are lower case with dots where Java names need underscores. */
    static String mnemonicOf(String constantName) {
        return constantName.toLowerCase(Locale.ROOT).replace('_', '.');
    }
}
