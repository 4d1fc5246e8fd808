package dev.faultline.emulator.isa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

class DecoderTest {

    private static final int[] REGISTERS = {0, 1, 2, 5, 8, 10, 15, 16, 31};
    private final Random random = new Random(7);

    /** Opcode, funct3 and funct7 of every R-type instruction, typed from the specification's listings. */
    private static final Object[][] R_TYPE = {
        {Opcode.ADD, 0x33, 0, 0}, {Opcode.SUB, 0x33, 0, 0x20}, {Opcode.SLL, 0x33, 1, 0}, {Opcode.SLT, 0x33, 2, 0},
        {Opcode.SLTU, 0x33, 3, 0}, {Opcode.XOR, 0x33, 4, 0}, {Opcode.SRL, 0x33, 5, 0}, {Opcode.SRA, 0x33, 5, 0x20},
        {Opcode.OR, 0x33, 6, 0}, {Opcode.AND, 0x33, 7, 0}, {Opcode.ADDW, 0x3b, 0, 0}, {Opcode.SUBW, 0x3b, 0, 0x20},
        {Opcode.SLLW, 0x3b, 1, 0}, {Opcode.SRLW, 0x3b, 5, 0}, {Opcode.SRAW, 0x3b, 5, 0x20},
        {Opcode.MUL, 0x33, 0, 1}, {Opcode.MULH, 0x33, 1, 1}, {Opcode.MULHSU, 0x33, 2, 1}, {Opcode.MULHU, 0x33, 3, 1},
        {Opcode.DIV, 0x33, 4, 1}, {Opcode.DIVU, 0x33, 5, 1}, {Opcode.REM, 0x33, 6, 1}, {Opcode.REMU, 0x33, 7, 1},
        {Opcode.MULW, 0x3b, 0, 1}, {Opcode.DIVW, 0x3b, 4, 1}, {Opcode.DIVUW, 0x3b, 5, 1}, {Opcode.REMW, 0x3b, 6, 1},
        {Opcode.REMUW, 0x3b, 7, 1},
    };

    private static final Object[][] I_TYPE = {
        {Opcode.ADDI, 0x13, 0}, {Opcode.SLTI, 0x13, 2}, {Opcode.SLTIU, 0x13, 3}, {Opcode.XORI, 0x13, 4},
        {Opcode.ORI, 0x13, 6}, {Opcode.ANDI, 0x13, 7}, {Opcode.ADDIW, 0x1b, 0}, {Opcode.JALR, 0x67, 0},
        {Opcode.LB, 0x03, 0}, {Opcode.LH, 0x03, 1}, {Opcode.LW, 0x03, 2}, {Opcode.LD, 0x03, 3},
        {Opcode.LBU, 0x03, 4}, {Opcode.LHU, 0x03, 5}, {Opcode.LWU, 0x03, 6},
    };

    private static final Object[][] S_TYPE = {
        {Opcode.SB, 0}, {Opcode.SH, 1}, {Opcode.SW, 2}, {Opcode.SD, 3},
    };

    private static final Object[][] B_TYPE = {
        {Opcode.BEQ, 0}, {Opcode.BNE, 1}, {Opcode.BLT, 4}, {Opcode.BGE, 5}, {Opcode.BLTU, 6}, {Opcode.BGEU, 7},
    };

    /** funct5 of every LR, SC and AMO. */
    private static final Object[][] ATOMICS = {
        {"LR", 0b00010}, {"SC", 0b00011}, {"AMOSWAP", 0b00001}, {"AMOADD", 0b00000}, {"AMOXOR", 0b00100},
        {"AMOAND", 0b01100}, {"AMOOR", 0b01000}, {"AMOMIN", 0b10000}, {"AMOMAX", 0b10100},
        {"AMOMINU", 0b11000}, {"AMOMAXU", 0b11100},
    };

    private static void assertDecodes(int bits, Opcode opcode, int rd, int rs1, int rs2, long imm, int csr) {
        Instruction insn = Decoder.decode(bits);
        String where = String.format("%08x", bits);
        assertEquals(opcode, insn.opcode(), where);
        assertEquals(rd, insn.rd(), where + " rd");
        assertEquals(rs1, insn.rs1(), where + " rs1");
        assertEquals(rs2, insn.rs2(), where + " rs2");
        assertEquals(imm, insn.imm(), where + " imm");
        assertEquals(csr, insn.csr(), where + " csr");
        assertEquals(4, insn.length(), where + " length");
        assertEquals(bits, insn.raw(), where + " raw");
        assertEquals(opcode.name(), insn.encoding().name(), where + " encoding");
    }

    private static void assertIllegal(int bits) {
        Instruction insn = Decoder.decode(bits);
        assertEquals(Opcode.ILLEGAL, insn.opcode(), String.format("%08x", bits));
        assertEquals(bits, insn.raw());
        assertEquals(4, insn.length());
        assertFalse(insn.isLegal());
    }

    @Test
    void everyRegisterToRegisterInstructionDecodesAllThreeRegisters() {
        for (Object[] row : R_TYPE) {
            for (int rd : REGISTERS) {
                for (int rs1 : REGISTERS) {
                    int rs2 = random.nextInt(32);
                    int bits = Encode.r((int) row[1], (int) row[2], (int) row[3], rd, rs1, rs2);
                    assertDecodes(bits, (Opcode) row[0], rd, rs1, rs2, 0, 0);
                }
            }
        }
    }

    @Test
    void everyImmediateInstructionSignExtendsTwelveBits() {
        int[] immediates = {-2048, -1, 0, 1, 2047, 0x555, -0x556};
        for (Object[] row : I_TYPE) {
            for (int imm : immediates) {
                int rd = random.nextInt(32);
                int rs1 = random.nextInt(32);
                assertDecodes(Encode.i((int) row[1], (int) row[2], rd, rs1, imm), (Opcode) row[0], rd, rs1, 0, imm, 0);
            }
        }
    }

    @Test
    void storesTakeTheirOffsetFromBothImmediateFields() {
        for (Object[] row : S_TYPE) {
            for (int imm = -2048; imm < 2048; imm += 73) {
                int rs1 = random.nextInt(32);
                int rs2 = random.nextInt(32);
                assertDecodes(Encode.s(0x23, (int) row[1], rs1, rs2, imm), (Opcode) row[0], 0, rs1, rs2, imm, 0);
            }
            assertDecodes(Encode.s(0x23, (int) row[1], 3, 4, 2047), (Opcode) row[0], 0, 3, 4, 2047, 0);
        }
    }

    @Test
    void branchesReachFourKibibytesEitherWayInStepsOfTwo() {
        for (Object[] row : B_TYPE) {
            for (int offset : new int[] {-4096, -2, 0, 2, 4094, 0x554, -0xaaa}) {
                int rs1 = random.nextInt(32);
                int rs2 = random.nextInt(32);
                assertDecodes(Encode.b(0x63, (int) row[1], rs1, rs2, offset), (Opcode) row[0], 0, rs1, rs2, offset, 0);
            }
        }
    }

    @Test
    void jalReachesOneMebibyteEitherWayInStepsOfTwo() {
        for (int offset : new int[] {-(1 << 20), -2, 0, 2, (1 << 20) - 2, 0x5554a, -0xaaab6}) {
            int rd = random.nextInt(32);
            assertDecodes(Encode.j(0x6f, rd, offset), Opcode.JAL, rd, 0, 0, offset, 0);
        }
    }

    @Test
    void upperImmediatesAreShiftedAndSignExtendedFromBit31() {
        assertDecodes(Encode.u(0x37, 10, 0x12345), Opcode.LUI, 10, 0, 0, 0x12345000L, 0);
        assertDecodes(Encode.u(0x37, 10, 0x80000), Opcode.LUI, 10, 0, 0, 0xffffffff80000000L, 0);
        assertDecodes(Encode.u(0x17, 1, 0xfffff), Opcode.AUIPC, 1, 0, 0, -4096L, 0);
        assertDecodes(Encode.u(0x17, 0, 0), Opcode.AUIPC, 0, 0, 0, 0, 0);
    }

    @Test
    void doublewordShiftsTakeSixBitShiftAmounts() {
        for (int shamt = 0; shamt < 64; shamt++) {
            assertDecodes(Encode.i(0x13, 1, 5, 6, shamt), Opcode.SLLI, 5, 6, 0, shamt, 0);
            assertDecodes(Encode.i(0x13, 5, 5, 6, shamt), Opcode.SRLI, 5, 6, 0, shamt, 0);
            assertDecodes(Encode.i(0x13, 5, 5, 6, 0x400 | shamt), Opcode.SRAI, 5, 6, 0, shamt, 0);
        }
    }

    @Test
    void wordShiftsTakeFiveBitShiftAmountsAndShamtBit5IsIllegal() {
        for (int shamt = 0; shamt < 32; shamt++) {
            assertDecodes(Encode.i(0x1b, 1, 5, 6, shamt), Opcode.SLLIW, 5, 6, 0, shamt, 0);
            assertDecodes(Encode.i(0x1b, 5, 5, 6, shamt), Opcode.SRLIW, 5, 6, 0, shamt, 0);
            assertDecodes(Encode.i(0x1b, 5, 5, 6, 0x400 | shamt), Opcode.SRAIW, 5, 6, 0, shamt, 0);
            assertIllegal(Encode.i(0x1b, 1, 5, 6, 0x20 | shamt));
            assertIllegal(Encode.i(0x1b, 5, 5, 6, 0x20 | shamt));
            assertIllegal(Encode.i(0x1b, 5, 5, 6, 0x420 | shamt));
        }
    }

    @Test
    void csrInstructionsCarryTheCsrNumberAndImmediateFormsCarryZimmInRs1() {
        Opcode[] byFunct3 = {null, Opcode.CSRRW, Opcode.CSRRS, Opcode.CSRRC, null, Opcode.CSRRWI, Opcode.CSRRSI,
            Opcode.CSRRCI};
        for (int funct3 = 1; funct3 < 8; funct3++) {
            if (funct3 == 4) {
                continue;
            }
            for (int csr : new int[] {0x000, 0x001, 0xc00, 0xc01, 0xc02, 0x300, 0x7ff, 0xfff}) {
                int rd = random.nextInt(32);
                int rs1 = random.nextInt(32);
                assertDecodes(Encode.i(0x73, funct3, rd, rs1, csr), byFunct3[funct3], rd, rs1, 0, 0, csr);
            }
        }
    }

    @Test
    void fenceKeepsPredecessorSuccessorAndModeAndIgnoresItsReservedFields() {
        Instruction fence = Decoder.decode(Encode.i(0x0f, 0, 0, 0, 0x0ff));
        assertEquals(Opcode.FENCE, fence.opcode());
        assertEquals(0xf, fence.pred());
        assertEquals(0xf, fence.succ());
        assertEquals(0, fence.fm());
        Instruction tso = Decoder.decode(0x8330000f);
        assertEquals(Opcode.FENCE, tso.opcode());
        assertEquals(0b1000, tso.fm());
        assertEquals(0b0011, tso.pred());
        assertEquals(0b0011, tso.succ());
        // rd, rs1 and unknown fm values are reserved for future fences; base implementations ignore them.
        assertDecodes(Encode.i(0x0f, 0, 7, 9, 0x5a3), Opcode.FENCE, 0, 0, 0, 0, 0);
        assertDecodes(Encode.i(0x0f, 1, 0, 0, 0), Opcode.FENCE_I, 0, 0, 0, 0, 0);
        assertDecodes(Encode.i(0x0f, 1, 3, 4, 0x123), Opcode.FENCE_I, 0, 0, 0, 0, 0);
    }

    @Test
    void ecallAndEbreakAreExactWordsAndOtherSystemWordsAreIllegal() {
        assertDecodes(0x00000073, Opcode.ECALL, 0, 0, 0, 0, 0);
        assertDecodes(0x00100073, Opcode.EBREAK, 0, 0, 0, 0, 0);
        // uret, sret, mret, wfi, sfence.vma, ecall with rd set, and the hypervisor loads (funct3 4)
        for (int bits : new int[] {0x00200073, 0x10200073, 0x30200073, 0x10500073, 0x12000073, 0x000000f3,
            0x00008073, 0x00004073}) {
            assertIllegal(bits);
        }
    }

    @Test
    void atomicsKeepAcquireAndReleaseAndNameTheirWidth() {
        for (Object[] row : ATOMICS) {
            for (int width = 2; width <= 3; width++) {
                Opcode opcode = Opcode.valueOf(row[0] + (width == 2 ? "_W" : "_D"));
                for (int ordering = 0; ordering < 4; ordering++) {
                    int rd = random.nextInt(32);
                    int rs1 = random.nextInt(32);
                    int rs2 = row[0].equals("LR") ? 0 : random.nextInt(32);
                    int bits = Encode.r(0x2f, width, (int) row[1] << 2 | ordering, rd, rs1, rs2);
                    assertDecodes(bits, opcode, rd, rs1, rs2, 0, 0);
                    assertEquals(ordering >> 1 == 1, Decoder.decode(bits).aq());
                    assertEquals((ordering & 1) == 1, Decoder.decode(bits).rl());
                }
            }
        }
    }

    @Test
    void loadReservedWithASourceRegisterIsIllegal() {
        assertIllegal(Encode.r(0x2f, 2, 0b00010 << 2, 5, 6, 7));
        assertIllegal(Encode.r(0x2f, 3, 0b00010 << 2, 5, 6, 1));
    }

    @Test
    void unknownMajorOpcodesAndFloatingPointAndVectorAreIllegal() {
        // LOAD-FP, STORE-FP, custom-0, OP-FP, FMADD, OP-V, custom-3, 48-bit and longer prefixes
        int[] words = {0x00053007, 0x00a53027, 0x0000000b, 0x00000053, 0x00000043, 0x00000057,
            0x0000007b, 0x0000001f, 0x0000003f, 0x0000007f, 0xffffffff};
        for (int bits : words) {
            assertIllegal(bits);
        }
    }

    @Test
    void wrongFunct3OrFunct7IsIllegal() {
        assertIllegal(Encode.i(0x03, 7, 1, 2, 0));          // no load with funct3 7
        assertIllegal(Encode.s(0x23, 4, 1, 2, 0));          // no 128-bit store
        assertIllegal(Encode.b(0x63, 2, 1, 2, 8));          // branch funct3 2 and 3 are reserved
        assertIllegal(Encode.b(0x63, 3, 1, 2, 8));
        assertIllegal(Encode.i(0x67, 1, 1, 2, 0));          // jalr needs funct3 0
        assertIllegal(Encode.r(0x33, 0, 0x10, 1, 2, 3));    // add with an unknown funct7
        assertIllegal(Encode.r(0x33, 1, 0x20, 1, 2, 3));    // sll with sub's funct7
        assertIllegal(Encode.r(0x3b, 2, 0, 1, 2, 3));       // no slt in OP-32
        assertIllegal(Encode.r(0x3b, 1, 1, 1, 2, 3));       // no mulhw
        assertIllegal(Encode.i(0x1b, 2, 1, 2, 0));          // OP-IMM-32 has no slti
        assertIllegal(Encode.i(0x13, 1, 1, 2, 0x400));      // slli with srai's funct6
        assertIllegal(Encode.i(0x13, 5, 1, 2, 0x200));      // srli with an unknown funct6
        assertIllegal(Encode.r(0x2f, 1, 0, 1, 2, 3));       // AMO widths other than W and D
        assertIllegal(Encode.r(0x2f, 2, 0b00101 << 2, 1, 2, 3)); // unknown funct5
        assertIllegal(Encode.i(0x0f, 2, 0, 0, 0));          // MISC-MEM funct3 2 (cbo.*, not here)
    }

    @Test
    void unimpIsACsrWriteToCycleWhoseLegalityTheHartDecides() {
        Instruction unimp = Decoder.decode(0xc0001073);
        assertEquals(Opcode.CSRRW, unimp.opcode());
        assertEquals(0xc00, unimp.csr());
        assertTrue(unimp.isLegal());
    }
}
