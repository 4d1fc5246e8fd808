package dev.faultline.emulator.isa;

import static dev.faultline.emulator.isa.Encode.c;
import static dev.faultline.emulator.isa.Encode.scatter;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CompressedDecoderTest {

    private static final int SP = 2;

    // Immediate layouts from the specification's format diagrams: instruction bit, immediate bit, ...
    private static final int[] CI_IMM = {12, 5, 6, 4, 5, 3, 4, 2, 3, 1, 2, 0};
    private static final int[] ADDI4SPN = {12, 5, 11, 4, 10, 9, 9, 8, 8, 7, 7, 6, 6, 2, 5, 3};
    private static final int[] WORD_OFFSET = {12, 5, 11, 4, 10, 3, 6, 2, 5, 6};
    private static final int[] DOUBLE_OFFSET = {12, 5, 11, 4, 10, 3, 6, 7, 5, 6};
    private static final int[] ADDI16SP = {12, 9, 6, 4, 5, 6, 4, 8, 3, 7, 2, 5};
    private static final int[] LUI = {12, 17, 6, 16, 5, 15, 4, 14, 3, 13, 2, 12};
    private static final int[] JUMP = {12, 11, 11, 4, 10, 9, 9, 8, 8, 10, 7, 6, 6, 7, 5, 3, 4, 2, 3, 1, 2, 5};
    private static final int[] BRANCH = {12, 8, 11, 4, 10, 3, 6, 7, 5, 6, 4, 2, 3, 1, 2, 5};
    private static final int[] LWSP = {12, 5, 6, 4, 5, 3, 4, 2, 3, 7, 2, 6};
    private static final int[] LDSP = {12, 5, 6, 4, 5, 3, 4, 8, 3, 7, 2, 6};
    private static final int[] SWSP = {12, 5, 11, 4, 10, 3, 9, 2, 8, 7, 7, 6};
    private static final int[] SDSP = {12, 5, 11, 4, 10, 3, 9, 8, 8, 7, 7, 6};

    private static void assertExpands(int bits, Encoding form, Opcode opcode, int rd, int rs1, int rs2, long imm) {
        Instruction insn = Decoder.decode(bits);
        String where = String.format("%04x", bits);
        assertEquals(opcode, insn.opcode(), where);
        assertEquals(form, insn.encoding(), where);
        assertEquals(rd, insn.rd(), where + " rd");
        assertEquals(rs1, insn.rs1(), where + " rs1");
        assertEquals(rs2, insn.rs2(), where + " rs2");
        assertEquals(imm, insn.imm(), where + " imm");
        assertEquals(0, insn.csr(), where + " csr");
        assertEquals(2, insn.length(), where + " length");
        assertEquals(bits, insn.raw(), where + " raw");
    }

    private static void assertIllegal(int bits) {
        Instruction insn = Decoder.decode(bits);
        assertEquals(Opcode.ILLEGAL, insn.opcode(), String.format("%04x", bits));
        assertEquals(2, insn.length());
        assertEquals(bits & 0xffff, insn.raw());
    }

    private static int signed(int value, int bits) {
        return value << (32 - bits) >> (32 - bits);
    }

    @Test
    void upperHalfIsIgnoredForACompressedInstruction() {
        int addi = c(0, 1, 10 << 7 | scatter(1, CI_IMM));
        assertEquals(Decoder.decode(addi), Decoder.decode(0xdead0000 | addi));
        assertIllegal(0xdead0000);
    }

    @Test
    void compressedAddi4spnAddsAScaledUnsignedImmediateToSp() {
        for (int imm = 4; imm < 1024; imm += 4) {
            int rd = 8 + imm / 4 % 8;
            assertExpands(c(0, 0, scatter(imm, ADDI4SPN) | (rd - 8) << 2),
                    Encoding.C_ADDI4SPN, Opcode.ADDI, rd, SP, 0, imm);
        }
    }

    @Test
    void compressedLoadsAndStoresUseThePrimeRegistersAndScaledOffsets() {
        for (int offset = 0; offset < 256; offset += 4) {
            int rs1 = 8 + offset / 4 % 8;
            int other = 15 - offset / 4 % 8;
            int regs = (rs1 - 8) << 7 | (other - 8) << 2;
            if (offset < 128) {
                assertExpands(c(2, 0, scatter(offset, WORD_OFFSET) | regs),
                        Encoding.C_LW, Opcode.LW, other, rs1, 0, offset);
                assertExpands(c(6, 0, scatter(offset, WORD_OFFSET) | regs),
                        Encoding.C_SW, Opcode.SW, 0, rs1, other, offset);
            }
            if (offset % 8 == 0) {
                assertExpands(c(3, 0, scatter(offset, DOUBLE_OFFSET) | regs),
                        Encoding.C_LD, Opcode.LD, other, rs1, 0, offset);
                assertExpands(c(7, 0, scatter(offset, DOUBLE_OFFSET) | regs),
                        Encoding.C_SD, Opcode.SD, 0, rs1, other, offset);
            }
        }
    }

    @Test
    void compressedAddiExpandsToAddiWithTheSameRegister() {
        for (int rd = 0; rd < 32; rd++) {
            for (int imm = -32; imm < 32; imm++) {
                assertExpands(c(0, 1, rd << 7 | scatter(imm, CI_IMM)), Encoding.C_ADDI, Opcode.ADDI, rd, rd, 0, imm);
            }
        }
    }

    @Test
    void compressedNopIsAddiOfZeroToX0AndItsHintsAreLegal() {
        assertExpands(0x0001, Encoding.C_ADDI, Opcode.ADDI, 0, 0, 0, 0);
        assertExpands(c(0, 1, scatter(-7, CI_IMM)), Encoding.C_ADDI, Opcode.ADDI, 0, 0, 0, -7);
    }

    @Test
    void compressedAddiwNeedsADestinationOtherThanX0() {
        for (int imm = -32; imm < 32; imm++) {
            assertExpands(c(1, 1, 9 << 7 | scatter(imm, CI_IMM)), Encoding.C_ADDIW, Opcode.ADDIW, 9, 9, 0, imm);
            assertIllegal(c(1, 1, scatter(imm, CI_IMM)));
        }
    }

    @Test
    void compressedLiAddsItsImmediateToX0EvenAsAHintWithX0Destination() {
        for (int rd = 0; rd < 32; rd++) {
            int imm = rd - 16;
            assertExpands(c(2, 1, rd << 7 | scatter(imm, CI_IMM)), Encoding.C_LI, Opcode.ADDI, rd, 0, 0, imm);
        }
    }

    @Test
    void compressedAddi16spAddsAScaledSignedImmediateToSpAndZeroIsReserved() {
        for (int imm = -512; imm < 512; imm += 16) {
            int bits = c(3, 1, SP << 7 | scatter(imm, ADDI16SP));
            if (imm == 0) {
                assertIllegal(bits);
            } else {
                assertExpands(bits, Encoding.C_ADDI16SP, Opcode.ADDI, SP, SP, 0, imm);
            }
        }
    }

    @Test
    void compressedLuiSignExtendsBit17AndReservesZero() {
        for (int rd : new int[] {0, 1, 3, 10, 31}) {
            for (int imm6 = -32; imm6 < 32; imm6++) {
                int bits = c(3, 1, rd << 7 | scatter(imm6 << 12, LUI));
                if (imm6 == 0) {
                    assertIllegal(bits);
                } else {
                    assertExpands(bits, Encoding.C_LUI, Opcode.LUI, rd, 0, 0, (long) imm6 << 12);
                }
            }
        }
    }

    @Test
    void compressedShiftsAndAndiWorkInPlaceOnAPrimeRegister() {
        for (int shamt = 0; shamt < 64; shamt++) {
            int rd = 8 + shamt % 8;
            int reg = (rd - 8) << 7;
            assertExpands(c(4, 1, scatter(shamt, CI_IMM) | reg), Encoding.C_SRLI, Opcode.SRLI, rd, rd, 0, shamt);
            assertExpands(c(4, 1, 1 << 10 | scatter(shamt, CI_IMM) | reg),
                    Encoding.C_SRAI, Opcode.SRAI, rd, rd, 0, shamt);
            int imm = signed(shamt, 6);
            assertExpands(c(4, 1, 2 << 10 | scatter(imm, CI_IMM) | reg), Encoding.C_ANDI, Opcode.ANDI, rd, rd, 0, imm);
        }
    }

    @Test
    void compressedRegisterArithmeticExpandsToTheBaseOperation() {
        Object[][] forms = {
            {Encoding.C_SUB, Opcode.SUB, 0, 0}, {Encoding.C_XOR, Opcode.XOR, 0, 1}, {Encoding.C_OR, Opcode.OR, 0, 2},
            {Encoding.C_AND, Opcode.AND, 0, 3}, {Encoding.C_SUBW, Opcode.SUBW, 1, 0},
            {Encoding.C_ADDW, Opcode.ADDW, 1, 1},
        };
        for (Object[] form : forms) {
            for (int rd = 8; rd < 16; rd++) {
                int rs2 = 23 - rd;
                int bits = c(4, 1, (int) form[2] << 12 | 3 << 10 | (rd - 8) << 7 | (int) form[3] << 5 | (rs2 - 8) << 2);
                assertExpands(bits, (Encoding) form[0], (Opcode) form[1], rd, rd, rs2, 0);
            }
        }
    }

    @Test
    void reservedRegisterArithmeticSlotsAreIllegal() {
        assertIllegal(c(4, 1, 1 << 12 | 3 << 10 | 2 << 5));
        assertIllegal(c(4, 1, 1 << 12 | 3 << 10 | 3 << 5 | 7 << 7 | 7 << 2));
    }

    @Test
    void compressedJumpIsJalToX0() {
        for (int offset = -2048; offset < 2048; offset += 2) {
            assertExpands(c(5, 1, scatter(offset, JUMP)), Encoding.C_J, Opcode.JAL, 0, 0, 0, offset);
        }
    }

    @Test
    void compressedBranchesCompareAPrimeRegisterWithX0() {
        for (int offset = -256; offset < 256; offset += 2) {
            int rs1 = 8 + (offset / 2 & 7);
            int bits = scatter(offset, BRANCH) | (rs1 - 8) << 7;
            assertExpands(c(6, 1, bits), Encoding.C_BEQZ, Opcode.BEQ, 0, rs1, 0, offset);
            assertExpands(c(7, 1, bits), Encoding.C_BNEZ, Opcode.BNE, 0, rs1, 0, offset);
        }
    }

    @Test
    void compressedSlliShiftsInPlaceIncludingItsHints() {
        for (int rd = 0; rd < 32; rd++) {
            for (int shamt : new int[] {0, 1, 31, 32, 63}) {
                assertExpands(c(0, 2, rd << 7 | scatter(shamt, CI_IMM)),
                        Encoding.C_SLLI, Opcode.SLLI, rd, rd, 0, shamt);
            }
        }
    }

    @Test
    void stackPointerLoadsNeedADestinationOtherThanX0() {
        for (int offset = 0; offset < 512; offset += 4) {
            int rd = 1 + offset / 4 % 31;
            if (offset < 256) {
                assertExpands(c(2, 2, rd << 7 | scatter(offset, LWSP)), Encoding.C_LWSP, Opcode.LW, rd, SP, 0, offset);
                assertIllegal(c(2, 2, scatter(offset, LWSP)));
            }
            if (offset % 8 == 0) {
                assertExpands(c(3, 2, rd << 7 | scatter(offset, LDSP)), Encoding.C_LDSP, Opcode.LD, rd, SP, 0, offset);
                assertIllegal(c(3, 2, scatter(offset, LDSP)));
            }
        }
    }

    @Test
    void stackPointerStoresTakeAnyRegisterIncludingX0() {
        for (int offset = 0; offset < 512; offset += 4) {
            int rs2 = offset / 4 % 32;
            if (offset < 256) {
                assertExpands(c(6, 2, rs2 << 2 | scatter(offset, SWSP)),
                        Encoding.C_SWSP, Opcode.SW, 0, SP, rs2, offset);
            }
            if (offset % 8 == 0) {
                assertExpands(c(7, 2, rs2 << 2 | scatter(offset, SDSP)),
                        Encoding.C_SDSP, Opcode.SD, 0, SP, rs2, offset);
            }
        }
    }

    @Test
    void compressedJrAndJalrJumpThroughRs1AndJrFromX0IsReserved() {
        for (int rs1 = 1; rs1 < 32; rs1++) {
            assertExpands(c(4, 2, rs1 << 7), Encoding.C_JR, Opcode.JALR, 0, rs1, 0, 0);
            assertExpands(c(4, 2, 1 << 12 | rs1 << 7), Encoding.C_JALR, Opcode.JALR, 1, rs1, 0, 0);
        }
        assertIllegal(c(4, 2, 0));
    }

    @Test
    void compressedMvAndAddTakeRs2AndWriteRdEvenAsHintsWithX0() {
        for (int rd = 0; rd < 32; rd++) {
            for (int rs2 = 1; rs2 < 32; rs2 += 5) {
                assertExpands(c(4, 2, rd << 7 | rs2 << 2), Encoding.C_MV, Opcode.ADD, rd, 0, rs2, 0);
                assertExpands(c(4, 2, 1 << 12 | rd << 7 | rs2 << 2), Encoding.C_ADD, Opcode.ADD, rd, rd, rs2, 0);
            }
        }
    }

    @Test
    void compressedEbreakIsEbreak() {
        assertExpands(0x9002, Encoding.C_EBREAK, Opcode.EBREAK, 0, 0, 0, 0);
    }

    @Test
    void allZeroHalfwordAndZeroAddi4spnImmediatesAreIllegal() {
        assertIllegal(0x0000);
        for (int rd = 0; rd < 8; rd++) {
            assertIllegal(c(0, 0, rd << 2));
        }
    }

    @Test
    void floatingPointCompressedFormsAndQuadrantZeroFunct3FourAreIllegal() {
        for (int other : new int[] {0x0000, 0x1234 & 0x1ffc, 0x1ffc}) {
            assertIllegal(c(1, 0, other)); // c.fld
            assertIllegal(c(5, 0, other)); // c.fsd
            assertIllegal(c(1, 2, other)); // c.fldsp
            assertIllegal(c(5, 2, other)); // c.fsdsp
            assertIllegal(c(4, 0, other)); // reserved (Zcb on newer harts)
        }
    }
}
