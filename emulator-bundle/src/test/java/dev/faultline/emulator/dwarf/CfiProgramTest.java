package dev.faultline.emulator.dwarf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Hand-made CIEs and FDEs that use every DW_CFA_* kind the compilers here do not emit. */
class CfiProgramTest {

    private static final int RA = 1;
    private static final int SP = 2;
    private static final int S0 = 8;

    /** A version 4 .debug_frame CIE (data alignment -8) and one FDE for [0x1000, 0x1100). */
    private static CallFrameInfo debugFrame() throws Exception {
        byte[] cie = new Bytes().u32(0xffffffffL).u8(4).cstring("").u8(8, 0).uleb(1).sleb(-8).uleb(RA)
                .u8(0x0c).uleb(SP).uleb(0).withLength();
        Bytes program = new Bytes()
                // each advance ends the row at the current location and starts the next
                .u8(0x40 | 2)                                  // row 0x1000: sp+0
                .u8(0x0e).uleb(32)                             // def_cfa_offset 32
                .u8(0x80 | RA).uleb(1).u8(0x80 | S0).uleb(2)   // ra at cfa-8, s0 at cfa-16
                .u8(0x40 | 4)                                  // row 0x1002: sp+32, ra, s0
                .u8(0x0c).uleb(S0).uleb(0)                     // def_cfa s0+0
                .u8(0x0a)                                      // remember_state
                .u8(0x40 | 6)                                  // row 0x1006: s0+0, ra, s0
                .u8(0xc0 | RA).u8(0x06).uleb(S0)               // restore ra, restore_extended s0
                .u8(0x02, 0x10)                                // advance_loc1: row 0x100c without ra, s0
                .u8(0x0b)                                      // restore_state
                .u8(0x14).uleb(9).uleb(2)                      // val_offset s1 = cfa-16
                .u8(0x09).uleb(18).uleb(19)                    // s2 in s3
                .u8(0x08).uleb(20).u8(0x07).uleb(21)           // same_value s4, undefined s5
                .u8(0x03).u16(0x10)                            // advance_loc2: row 0x101c
                .u8(0x10).uleb(22).uleb(1).u8(0x50)            // s6 by expression
                .u8(0x11).uleb(23).sleb(-3)                    // offset_extended_sf s7 = cfa+24
                .u8(0x04).u32(0x20)                            // advance_loc4: row 0x102c
                .u8(0x0f).uleb(2).u8(0x72, 0x00);              // def_cfa_expression: row 0x104c
        byte[] fde = new Bytes().u32(0).u64(0x1000).u64(0x100).bytes(program.array()).withLength();
        byte[] section = new Bytes().bytes(cie).bytes(fde).array();
        return CallFrameInfo.read(DwarfSections.of(Map.of(".debug_frame", DwarfSection.of(".debug_frame", section, 0))), 8)
                .orElseThrow();
    }

    @Test
    void everyRuleKindAndStateInstructionShapesTheRows() throws Exception {
        CallFrameInfo cfi = debugFrame();
        List<CfiRow> rows = cfi.rows(cfi.fdes().get(0));
        assertEquals(List.of(0x1000L, 0x1002L, 0x1006L, 0x100cL, 0x101cL, 0x102cL, 0x104cL), rows.stream().map(CfiRow::address).toList());
        assertEquals(new CfaRule.RegisterOffset(SP, 0), rows.get(0).cfa());
        assertEquals(new CfaRule.RegisterOffset(SP, 32), rows.get(1).cfa());
        assertEquals(new RegisterRule.Offset(-8), rows.get(1).rule(RA));
        assertEquals(new CfaRule.RegisterOffset(S0, 0), rows.get(2).cfa());
        assertEquals(new RegisterRule.SameValue(), rows.get(3).rule(RA), "restored to the CIE's (no) rule");
        assertEquals(new RegisterRule.Offset(-16), rows.get(4).rule(S0), "restore_state brought back the saved rules");
        assertEquals(new RegisterRule.ValOffset(-16), rows.get(4).rule(9));
        assertEquals(new RegisterRule.InRegister(19), rows.get(4).rule(18));
        assertEquals(new RegisterRule.SameValue(), rows.get(4).rule(20));
        assertEquals(new RegisterRule.Undefined(), rows.get(4).rule(21));
        assertEquals(new RegisterRule.Offset(24), rows.get(5).rule(23));
        assertArrayEquals(new byte[] {0x50}, ((RegisterRule.Expression) rows.get(5).rule(22)).expression());
        assertArrayEquals(new byte[] {0x72, 0x00}, ((CfaRule.Expression) rows.get(6).cfa()).expression());
        assertTrue(cfi.rowAt(0x1200).isEmpty());
        assertEquals(0x1006L, cfi.rowAt(0x100b).orElseThrow().address());
    }

    @Test
    void unwinderRestoresReturnAddressFramePointerAndStackPointer() throws Exception {
        long[] memory = new long[0x200];
        memory[(0x80f8 - 0x8000) / 8] = 0x2222;
        memory[(0x80f0 - 0x8000) / 8] = 0x9000;
        MemoryReader reader = (address, size) -> address >= 0x8000 && address < 0x9000
                ? OptionalLong.of(memory[(int) (address - 0x8000) / 8]) : OptionalLong.empty();
        RegisterReader registers = r -> r == SP ? OptionalLong.of(0x8000) : r == S0 ? OptionalLong.of(0x8100)
                : OptionalLong.of(r);
        List<Frame> frames = new Unwinder(debugFrame()).backtrace(0x1008, registers, reader, 10);
        assertEquals(2, frames.size());
        assertEquals(0x8100L, frames.get(0).cfa().getAsLong());
        Frame caller = frames.get(1);
        assertEquals(0x2222L, caller.pc());
        assertEquals(OptionalLong.of(0x8100), caller.registers().read(SP));
        assertEquals(OptionalLong.of(0x9000), caller.registers().read(S0));
        assertEquals(OptionalLong.of(9), caller.registers().read(9), "s1 has no rule yet: unchanged");
        assertTrue(caller.cfa().isEmpty(), "no CFI covers the caller");
    }

    @Test
    void unwinderRejectsExpressionCfaAndUnreadableMemoryClearly() throws Exception {
        Unwinder unwinder = new Unwinder(debugFrame());
        RegisterReader registers = r -> OptionalLong.of(0x8000);
        UnwindException expression = assertThrows(UnwindException.class,
                () -> unwinder.backtrace(0x1050, registers, (a, s) -> OptionalLong.of(0), 4));
        assertTrue(expression.getMessage().contains("DW_CFA_def_cfa_expression"), expression.getMessage());
        UnwindException unreadable = assertThrows(UnwindException.class,
                () -> unwinder.backtrace(0x1004, registers, (a, s) -> OptionalLong.empty(), 4));
        assertTrue(unreadable.getMessage().contains("x1 is saved at 0x8018") && unreadable.getMessage().contains("not readable"),
                unreadable.getMessage());
    }

    /** An .eh_frame at 0x11000: a "zPLR" CIE with a personality, and an FDE with pc-relative sdata4 addresses and an LSDA. */
    private static byte[] ehFrame(int fdeEncoding) {
        byte[] cie = new Bytes().u32(0).u8(1).cstring("zPLR").uleb(1).sleb(-8).u8(RA)
                .uleb(11).u8(0x00).u64(0x12345678L).u8(0x1b).u8(fdeEncoding)
                .u8(0x0c).uleb(SP).uleb(0).withLength();
        int fdeStart = cie.length;
        int pcBeginField = fdeStart + 8;
        long pcBegin = 0x10000 - (0x11000 + pcBeginField);
        byte[] fde = new Bytes().u32(fdeStart + 4).u32(pcBegin).u32(0x40).uleb(4).u32(0)
                .u8(0x40 | 2).u8(0x0e).uleb(16).u8(0x80 | RA).uleb(1).withLength();
        return new Bytes().bytes(cie).bytes(fde).u32(0).array();
    }

    @Test
    void ehFrameDecodesPcRelativeAddressesAndSkipsAugmentationData() throws Exception {
        DwarfSections sections = DwarfSections.of(Map.of(".eh_frame", DwarfSection.of(".eh_frame", ehFrame(0x1b), 0x11000)));
        CallFrameInfo cfi = CallFrameInfo.read(sections, 8).orElseThrow();
        Fde fde = cfi.fdeFor(0x10010).orElseThrow();
        assertEquals(0x10000L, fde.initialLocation());
        assertEquals(0x10040L, fde.endAddress());
        assertEquals("zPLR", fde.cie().augmentation());
        assertEquals(new CfaRule.RegisterOffset(SP, 16), cfi.rowAt(0x10002).orElseThrow().cfa());
        assertEquals(new RegisterRule.Offset(-8), cfi.rowAt(0x10002).orElseThrow().rule(RA));
    }

    @Test
    void unsupportedPointerEncodingsAndOpcodesAreRejectedClearly() {
        DwarfSections textRelative = DwarfSections.of(Map.of(".eh_frame", DwarfSection.of(".eh_frame", ehFrame(0x2b), 0x11000)));
        DwarfFormatException e = assertThrows(DwarfFormatException.class, () -> CallFrameInfo.read(textRelative, 8));
        assertTrue(e.getMessage().startsWith(".eh_frame: offset 0x") && e.getMessage().contains("textrel"), e.getMessage());

        byte[] cie = new Bytes().u32(0xffffffffL).u8(4).cstring("").u8(8, 0).uleb(1).sleb(-8).uleb(RA).u8(0x3f).withLength();
        byte[] fde = new Bytes().u32(0).u64(0x1000).u64(0x10).withLength();
        DwarfSections badOpcode = DwarfSections.of(Map.of(".debug_frame",
                DwarfSection.of(".debug_frame", new Bytes().bytes(cie).bytes(fde).array(), 0)));
        DwarfFormatException opcode = assertThrows(DwarfFormatException.class,
                () -> CallFrameInfo.read(badOpcode, 8).orElseThrow().rows(
                        CallFrameInfo.read(badOpcode, 8).orElseThrow().fdes().get(0)));
        assertEquals(".debug_frame: offset 0xf: expected a DW_CFA_* instruction, found opcode 0x3f", opcode.getMessage());

        byte[] version2 = new Bytes().u32(0xffffffffL).u8(2).cstring("").withLength();
        byte[] fde2 = new Bytes().u32(0).u64(0).u64(0).withLength();
        DwarfFormatException version = assertThrows(DwarfFormatException.class, () -> CallFrameInfo.read(DwarfSections.of(
                Map.of(".debug_frame", DwarfSection.of(".debug_frame", new Bytes().bytes(version2).bytes(fde2).array(), 0))), 8));
        assertEquals(".debug_frame: offset 0x8: expected CIE version 1, 3 or 4, found 2", version.getMessage());
    }
}
