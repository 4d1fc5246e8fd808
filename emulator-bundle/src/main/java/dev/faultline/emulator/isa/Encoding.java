package dev.faultline.emulator.isa;

import static dev.faultline.emulator.isa.MatchBits.AMO;
import static dev.faultline.emulator.isa.MatchBits.C_F2_HIGH;
import static dev.faultline.emulator.isa.MatchBits.C_F2_LOW;
import static dev.faultline.emulator.isa.MatchBits.C_F3;
import static dev.faultline.emulator.isa.MatchBits.C_F4;
import static dev.faultline.emulator.isa.MatchBits.C_F6;
import static dev.faultline.emulator.isa.MatchBits.F3;
import static dev.faultline.emulator.isa.MatchBits.F6;
import static dev.faultline.emulator.isa.MatchBits.F7;
import static dev.faultline.emulator.isa.MatchBits.LR;
import static dev.faultline.emulator.isa.MatchBits.RD_FIELD;
import static dev.faultline.emulator.isa.MatchBits.RS2_FIELD;
import static dev.faultline.emulator.isa.MatchBits.amo;
import static dev.faultline.emulator.isa.MatchBits.f3;
import static dev.faultline.emulator.isa.MatchBits.f7;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The encoding table: one match/mask pair per instruction of RV64I, M, A, C, Zicsr and Zifencei, as
 * listed in the instruction-set listings of the RISC-V unprivileged specification ("RV32/64G
 * Instruction Set Listings" and the RVC opcode map). A word is this instruction when
 * {@code (word & mask) == match}, except where the specification carves another instruction's code
 * points out of it (C.JR out of C.MV, for example): such code points are listed as exceptions, so
 * that no word matches two encodings.
 */
public enum Encoding {
    // RV64I: opcode in bits 6:0, funct3 in 14:12, funct7 (funct6 for RV64 shifts) in 31:25.
    LUI(Opcode.LUI, Format.U, 0x37, 0x7f),
    AUIPC(Opcode.AUIPC, Format.U, 0x17, 0x7f),
    JAL(Opcode.JAL, Format.J, 0x6f, 0x7f),
    JALR(Opcode.JALR, Format.I, f3(0x67, 0), F3),
    BEQ(Opcode.BEQ, Format.B, f3(0x63, 0), F3),
    BNE(Opcode.BNE, Format.B, f3(0x63, 1), F3),
    BLT(Opcode.BLT, Format.B, f3(0x63, 4), F3),
    BGE(Opcode.BGE, Format.B, f3(0x63, 5), F3),
    BLTU(Opcode.BLTU, Format.B, f3(0x63, 6), F3),
    BGEU(Opcode.BGEU, Format.B, f3(0x63, 7), F3),
    LB(Opcode.LB, Format.I, f3(0x03, 0), F3),
    LH(Opcode.LH, Format.I, f3(0x03, 1), F3),
    LW(Opcode.LW, Format.I, f3(0x03, 2), F3),
    LD(Opcode.LD, Format.I, f3(0x03, 3), F3),
    LBU(Opcode.LBU, Format.I, f3(0x03, 4), F3),
    LHU(Opcode.LHU, Format.I, f3(0x03, 5), F3),
    LWU(Opcode.LWU, Format.I, f3(0x03, 6), F3),
    SB(Opcode.SB, Format.S, f3(0x23, 0), F3),
    SH(Opcode.SH, Format.S, f3(0x23, 1), F3),
    SW(Opcode.SW, Format.S, f3(0x23, 2), F3),
    SD(Opcode.SD, Format.S, f3(0x23, 3), F3),
    ADDI(Opcode.ADDI, Format.I, f3(0x13, 0), F3),
    SLTI(Opcode.SLTI, Format.I, f3(0x13, 2), F3),
    SLTIU(Opcode.SLTIU, Format.I, f3(0x13, 3), F3),
    XORI(Opcode.XORI, Format.I, f3(0x13, 4), F3),
    ORI(Opcode.ORI, Format.I, f3(0x13, 6), F3),
    ANDI(Opcode.ANDI, Format.I, f3(0x13, 7), F3),
    SLLI(Opcode.SLLI, Format.I_SHIFT, f3(0x13, 1), F6),
    SRLI(Opcode.SRLI, Format.I_SHIFT, f3(0x13, 5), F6),
    SRAI(Opcode.SRAI, Format.I_SHIFT, f7(0x13, 5, 0x20), F6),
    ADD(Opcode.ADD, Format.R, f7(0x33, 0, 0), F7),
    SUB(Opcode.SUB, Format.R, f7(0x33, 0, 0x20), F7),
    SLL(Opcode.SLL, Format.R, f7(0x33, 1, 0), F7),
    SLT(Opcode.SLT, Format.R, f7(0x33, 2, 0), F7),
    SLTU(Opcode.SLTU, Format.R, f7(0x33, 3, 0), F7),
    XOR(Opcode.XOR, Format.R, f7(0x33, 4, 0), F7),
    SRL(Opcode.SRL, Format.R, f7(0x33, 5, 0), F7),
    SRA(Opcode.SRA, Format.R, f7(0x33, 5, 0x20), F7),
    OR(Opcode.OR, Format.R, f7(0x33, 6, 0), F7),
    AND(Opcode.AND, Format.R, f7(0x33, 7, 0), F7),
    // RV64I word operations; their shifts keep funct7 whole, so shamt[5] = 1 matches nothing (RV32-only).
    ADDIW(Opcode.ADDIW, Format.I, f3(0x1b, 0), F3),
    SLLIW(Opcode.SLLIW, Format.I_SHIFT, f7(0x1b, 1, 0), F7),
    SRLIW(Opcode.SRLIW, Format.I_SHIFT, f7(0x1b, 5, 0), F7),
    SRAIW(Opcode.SRAIW, Format.I_SHIFT, f7(0x1b, 5, 0x20), F7),
    ADDW(Opcode.ADDW, Format.R, f7(0x3b, 0, 0), F7),
    SUBW(Opcode.SUBW, Format.R, f7(0x3b, 0, 0x20), F7),
    SLLW(Opcode.SLLW, Format.R, f7(0x3b, 1, 0), F7),
    SRLW(Opcode.SRLW, Format.R, f7(0x3b, 5, 0), F7),
    SRAW(Opcode.SRAW, Format.R, f7(0x3b, 5, 0x20), F7),
    // MISC-MEM: fm, rd and rs1 of FENCE and all of FENCE.I's other fields are ignored by base implementations.
    FENCE(Opcode.FENCE, Format.FENCE, f3(0x0f, 0), F3),
    FENCE_I(Opcode.FENCE_I, Format.NONE, f3(0x0f, 1), F3),
    ECALL(Opcode.ECALL, Format.NONE, 0x00000073, 0xffffffff),
    EBREAK(Opcode.EBREAK, Format.NONE, 0x00100073, 0xffffffff),
    // Zicsr
    CSRRW(Opcode.CSRRW, Format.I_CSR, f3(0x73, 1), F3),
    CSRRS(Opcode.CSRRS, Format.I_CSR, f3(0x73, 2), F3),
    CSRRC(Opcode.CSRRC, Format.I_CSR, f3(0x73, 3), F3),
    CSRRWI(Opcode.CSRRWI, Format.I_CSR, f3(0x73, 5), F3),
    CSRRSI(Opcode.CSRRSI, Format.I_CSR, f3(0x73, 6), F3),
    CSRRCI(Opcode.CSRRCI, Format.I_CSR, f3(0x73, 7), F3),
    // M
    MUL(Opcode.MUL, Format.R, f7(0x33, 0, 1), F7),
    MULH(Opcode.MULH, Format.R, f7(0x33, 1, 1), F7),
    MULHSU(Opcode.MULHSU, Format.R, f7(0x33, 2, 1), F7),
    MULHU(Opcode.MULHU, Format.R, f7(0x33, 3, 1), F7),
    DIV(Opcode.DIV, Format.R, f7(0x33, 4, 1), F7),
    DIVU(Opcode.DIVU, Format.R, f7(0x33, 5, 1), F7),
    REM(Opcode.REM, Format.R, f7(0x33, 6, 1), F7),
    REMU(Opcode.REMU, Format.R, f7(0x33, 7, 1), F7),
    MULW(Opcode.MULW, Format.R, f7(0x3b, 0, 1), F7),
    DIVW(Opcode.DIVW, Format.R, f7(0x3b, 4, 1), F7),
    DIVUW(Opcode.DIVUW, Format.R, f7(0x3b, 5, 1), F7),
    REMW(Opcode.REMW, Format.R, f7(0x3b, 6, 1), F7),
    REMUW(Opcode.REMUW, Format.R, f7(0x3b, 7, 1), F7),
    // A: funct5 in bits 31:27, aq and rl free; LR keeps rs2 zero.
    LR_W(Opcode.LR_W, Format.R, amo(2, 0b00010), LR),
    SC_W(Opcode.SC_W, Format.R, amo(2, 0b00011), AMO),
    AMOSWAP_W(Opcode.AMOSWAP_W, Format.R, amo(2, 0b00001), AMO),
    AMOADD_W(Opcode.AMOADD_W, Format.R, amo(2, 0b00000), AMO),
    AMOXOR_W(Opcode.AMOXOR_W, Format.R, amo(2, 0b00100), AMO),
    AMOAND_W(Opcode.AMOAND_W, Format.R, amo(2, 0b01100), AMO),
    AMOOR_W(Opcode.AMOOR_W, Format.R, amo(2, 0b01000), AMO),
    AMOMIN_W(Opcode.AMOMIN_W, Format.R, amo(2, 0b10000), AMO),
    AMOMAX_W(Opcode.AMOMAX_W, Format.R, amo(2, 0b10100), AMO),
    AMOMINU_W(Opcode.AMOMINU_W, Format.R, amo(2, 0b11000), AMO),
    AMOMAXU_W(Opcode.AMOMAXU_W, Format.R, amo(2, 0b11100), AMO),
    LR_D(Opcode.LR_D, Format.R, amo(3, 0b00010), LR),
    SC_D(Opcode.SC_D, Format.R, amo(3, 0b00011), AMO),
    AMOSWAP_D(Opcode.AMOSWAP_D, Format.R, amo(3, 0b00001), AMO),
    AMOADD_D(Opcode.AMOADD_D, Format.R, amo(3, 0b00000), AMO),
    AMOXOR_D(Opcode.AMOXOR_D, Format.R, amo(3, 0b00100), AMO),
    AMOAND_D(Opcode.AMOAND_D, Format.R, amo(3, 0b01100), AMO),
    AMOOR_D(Opcode.AMOOR_D, Format.R, amo(3, 0b01000), AMO),
    AMOMIN_D(Opcode.AMOMIN_D, Format.R, amo(3, 0b10000), AMO),
    AMOMAX_D(Opcode.AMOMAX_D, Format.R, amo(3, 0b10100), AMO),
    AMOMINU_D(Opcode.AMOMINU_D, Format.R, amo(3, 0b11000), AMO),
    AMOMAXU_D(Opcode.AMOMAXU_D, Format.R, amo(3, 0b11100), AMO),

    // RV64C, quadrant 0 (C.FLD and C.FSD belong to D, which this hart lacks; funct3 100 is reserved).
    C_ADDI4SPN(Opcode.ADDI, Format.CIW, 0x0000, C_F3),
    C_LW(Opcode.LW, Format.CL, 0x4000, C_F3),
    C_LD(Opcode.LD, Format.CL, 0x6000, C_F3),
    C_SW(Opcode.SW, Format.CS, 0xc000, C_F3),
    C_SD(Opcode.SD, Format.CS, 0xe000, C_F3),
    // Quadrant 1. C.NOP is C.ADDI with rd = x0; on RV64 funct3 001 is C.ADDIW, not C.JAL.
    C_ADDI(Opcode.ADDI, Format.CI, 0x0001, C_F3),
    C_ADDIW(Opcode.ADDIW, Format.CI, 0x2001, C_F3),
    C_LI(Opcode.ADDI, Format.CI, 0x4001, C_F3),
    C_ADDI16SP(Opcode.ADDI, Format.CI, 0x6101, C_F3 | RD_FIELD),
    C_LUI(Opcode.LUI, Format.CI, 0x6001, C_F3, C_ADDI16SP),
    C_SRLI(Opcode.SRLI, Format.CB, 0x8001, C_F3 | C_F2_HIGH),
    C_SRAI(Opcode.SRAI, Format.CB, 0x8401, C_F3 | C_F2_HIGH),
    C_ANDI(Opcode.ANDI, Format.CB, 0x8801, C_F3 | C_F2_HIGH),
    C_SUB(Opcode.SUB, Format.CA, 0x8c01, C_F6 | C_F2_LOW),
    C_XOR(Opcode.XOR, Format.CA, 0x8c21, C_F6 | C_F2_LOW),
    C_OR(Opcode.OR, Format.CA, 0x8c41, C_F6 | C_F2_LOW),
    C_AND(Opcode.AND, Format.CA, 0x8c61, C_F6 | C_F2_LOW),
    C_SUBW(Opcode.SUBW, Format.CA, 0x9c01, C_F6 | C_F2_LOW),
    C_ADDW(Opcode.ADDW, Format.CA, 0x9c21, C_F6 | C_F2_LOW),
    C_J(Opcode.JAL, Format.CJ, 0xa001, C_F3),
    C_BEQZ(Opcode.BEQ, Format.CB, 0xc001, C_F3),
    C_BNEZ(Opcode.BNE, Format.CB, 0xe001, C_F3),
    // Quadrant 2 (C.FLDSP and C.FSDSP belong to D). funct4 1000/1001 is split by which registers are x0.
    C_SLLI(Opcode.SLLI, Format.CI, 0x0002, C_F3),
    C_LWSP(Opcode.LW, Format.CI, 0x4002, C_F3),
    C_LDSP(Opcode.LD, Format.CI, 0x6002, C_F3),
    C_JR(Opcode.JALR, Format.CR, 0x8002, C_F4 | RS2_FIELD),
    C_MV(Opcode.ADD, Format.CR, 0x8002, C_F4, C_JR),
    C_EBREAK(Opcode.EBREAK, Format.CR, 0x9002, 0xffff),
    C_JALR(Opcode.JALR, Format.CR, 0x9002, C_F4 | RS2_FIELD, C_EBREAK),
    C_ADD(Opcode.ADD, Format.CR, 0x9002, C_F4, C_JALR),
    C_SWSP(Opcode.SW, Format.CSS, 0xc002, C_F3),
    C_SDSP(Opcode.SD, Format.CSS, 0xe002, C_F3);

    private final Opcode opcode;
    private final Format format;
    private final int match;
    private final int mask;
    private final List<Encoding> except;
    private final String mnemonic = Opcode.mnemonicOf(name());

    Encoding(Opcode opcode, Format format, int match, int mask, Encoding... except) {
        this.opcode = opcode;
        this.format = format;
        this.match = match;
        this.mask = mask;
        this.except = List.of(except);
    }

    /** Candidates per major opcode; see {@link #majorKey}. */
    private static final List<List<Encoding>> BY_MAJOR_KEY = indexByMajorKey();

    /** The base operation this instruction performs (a compressed one, the operation it expands to). */
    public Opcode opcode() {
        return opcode;
    }

    public Format format() {
        return format;
    }

    public int match() {
        return match;
    }

    public int mask() {
        return mask;
    }

    /** The encodings whose code points the specification carves out of this one's match/mask. */
    public List<Encoding> except() {
        return except;
    }

    /** The assembler mnemonic: "addi", "c.addi4spn", "amoswap.w". */
    public String mnemonic() {
        return mnemonic;
    }

    /** Whether this is a 16-bit instruction of the C extension. */
    public boolean isCompressed() {
        return format.isCompressed();
    }

    /** Instruction length in bytes: 2 or 4. */
    public int length() {
        return isCompressed() ? 2 : 4;
    }

    /** Whether a word (16 or 32 instruction bits) is this instruction. */
    public boolean matches(int bits) {
        if (!fitsMatchAndMask(bits)) {
            return false;
        }
        for (Encoding carved : except) {
            // A carve-out removes all the code points of the other pair: C.ADD loses C.JALR's and so C.EBREAK's.
            if (carved.fitsMatchAndMask(bits)) {
                return false;
            }
        }
        return true;
    }

    private boolean fitsMatchAndMask(int bits) {
        return (bits & mask) == match;
    }

    /**
     * The one encoding that a word matches, if any. A compressed word must be passed with its upper
     * half clear.
     */
    public static Optional<Encoding> find(int bits) {
        for (Encoding candidate : BY_MAJOR_KEY.get(majorKey(bits))) {
            if (candidate.matches(bits)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /**
     * Bits 6:0 of a 32-bit instruction (always 3 modulo 4), or quadrant plus funct3 times four for a
     * compressed one (never 3 modulo 4): one small index for both lengths without collisions.
     */
    private static int majorKey(int bits) {
        return (bits & 3) == 3 ? bits & 0x7f : (bits & 3) | ((bits >>> 11) & 0x1c);
    }

    private static List<List<Encoding>> indexByMajorKey() {
        List<List<Encoding>> index = new ArrayList<>();
        for (int key = 0; key < 128; key++) {
            index.add(new ArrayList<>());
        }
        for (Encoding encoding : values()) {
            index.get(majorKey(encoding.match)).add(encoding);
        }
        return index.stream().map(List::copyOf).toList();
    }
}
