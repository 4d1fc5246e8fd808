package dev.faultline.emulator.dwarf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.faultline.emulator.dwarf.DwarfExpression.Location;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The location expression evaluator on hand-built expressions: each form, and the ways an expression goes wrong. */
class DwarfExpressionTest {

    // x2 (sp) = 0x1000, x10 (a0) = 7, x8 unknown; memory holds 0x1122334455667788 at 0x2000.
    private static final DwarfExpression.Context FRAME = new DwarfExpression.Context(
            r -> r == 2 ? OptionalLong.of(0x1000) : r == 10 ? OptionalLong.of(7) : OptionalLong.empty(),
            (address, size) -> address == 0x2000 ? OptionalLong.of(0x1122334455667788L & (size == 8 ? -1L : (1L << (8 * size)) - 1))
                    : OptionalLong.empty(),
            OptionalLong.of(0x800), OptionalLong.of(0x1010));

    private static Location eval(Bytes bytes) {
        return DwarfExpression.evaluate(bytes.array(), FRAME);
    }

    @Test
    void placesAVariableInMemoryARegisterOrNowhere() {
        assertEquals(new Location.Memory(0x800 - 24), eval(new Bytes().u8(0x91).sleb(-24)), "DW_OP_fbreg");
        assertEquals(new Location.Memory(0x1010 + 8), eval(new Bytes().u8(0x9c, 0x23).uleb(8)), "call_frame_cfa; plus_uconst");
        assertEquals(new Location.Memory(0x1000 - 16), eval(new Bytes().u8(0x72).sleb(-16)), "DW_OP_breg2");
        assertEquals(new Location.Memory(0x1000 + 4), eval(new Bytes().u8(0x92).uleb(2).sleb(4)), "DW_OP_bregx");
        assertEquals(new Location.Memory(0x12345678L), eval(new Bytes().u8(0x03).u64(0x12345678L)), "DW_OP_addr");
        assertEquals(new Location.Register(10), eval(new Bytes().u8(0x5a)), "DW_OP_reg10");
        assertEquals(new Location.Register(10), eval(new Bytes().u8(0x90).uleb(10)), "DW_OP_regx");
        assertEquals(new Location.Value(6), eval(new Bytes().u8(0x7a).sleb(-1).u8(0x9f)), "breg10 -1; stack_value");
        assertEquals(new Location.Value(0x0102), eval(new Bytes().u8(0x9e).uleb(2).u8(0x02, 0x01)), "implicit_value");
    }

    @Test
    void computesWithTheStack() {
        // (7 * 3 - 1) >> 2 = 5; then 5 == 5 is 1
        assertEquals(new Location.Value(5),
                eval(new Bytes().u8(0x7a).sleb(0).u8(0x33, 0x1e, 0x31, 0x1c, 0x32, 0x25, 0x9f)));
        assertEquals(new Location.Value(1), eval(new Bytes().u8(0x35, 0x35, 0x29, 0x9f)), "DW_OP_eq");
        assertEquals(new Location.Value(-5), eval(new Bytes().u8(0x11).sleb(-5).u8(0x9f)), "DW_OP_consts");
        assertEquals(new Location.Value(-2), eval(new Bytes().u8(0x09, 0xfe, 0x9f)), "DW_OP_const1s");
        assertEquals(new Location.Value(3), eval(new Bytes().u8(0x31, 0x32, 0x33, 0x17, 0x13, 0x13, 0x9f)), "rot then drop twice");
        assertEquals(new Location.Value(0x1122334455667788L), eval(new Bytes().u8(0x0a).u16(0x2000).u8(0x06, 0x9f)),
                "DW_OP_deref");
        assertEquals(new Location.Value(0x88), eval(new Bytes().u8(0x0a).u16(0x2000).u8(0x94, 1, 0x9f)),
                "DW_OP_deref_size 1");
        // lit1; bra +1 (over lit5); lit9; stack_value -> 9, and without the branch 5 would be on top
        assertEquals(new Location.Value(9), eval(new Bytes().u8(0x31, 0x28).u16(1).u8(0x35, 0x39, 0x9f)), "DW_OP_bra");
        assertEquals(new Location.Value(9), eval(new Bytes().u8(0x2f).u16(1).u8(0x35, 0x39, 0x9f)), "DW_OP_skip");
    }

    @Test
    void anEntryValueComesFromWhatTheCallerTells() {
        DwarfExpression.Context called = new DwarfExpression.Context(FRAME.registers(), FRAME.memory(), FRAME.frameBase(),
                FRAME.cfa(), r -> r == 10 ? OptionalLong.of(41) : OptionalLong.empty());
        // DW_OP_entry_value(DW_OP_reg10); DW_OP_lit1; DW_OP_plus; DW_OP_stack_value
        assertEquals(new Location.Value(42), DwarfExpression.evaluate(
                new Bytes().u8(0xa3).uleb(1).u8(0x5a, 0x31, 0x22, 0x9f).array(), called));
        assertUnavailable(DwarfExpression.evaluate(new Bytes().u8(0xa3).uleb(1).u8(0x5b, 0x9f).array(), called),
                "which the caller does not tell");
        assertUnavailable(DwarfExpression.evaluate(new Bytes().u8(0xa3).uleb(2).u8(0x7a, 0x00, 0x9f).array(), called),
                "on entry");
    }

    @Test
    void saysWhyAValueIsNotAvailable() {
        assertUnavailable(eval(new Bytes().u8(0xa3).uleb(1).u8(0x5a, 0x9f)), "on entry");
        assertUnavailable(eval(new Bytes().u8(0xa0).u32(0x40).sleb(0)), "did not keep");
        assertUnavailable(eval(new Bytes().u8(0x5a, 0x93).uleb(4).u8(0x5b, 0x93).uleb(4)), "DW_OP_piece");
        assertUnavailable(eval(new Bytes().u8(0x58)), "not saved (in register x8");
        assertUnavailable(eval(new Bytes().u8(0x78).sleb(8)), "register x8");
        assertUnavailable(eval(new Bytes().u8(0x0a).u16(0x3000).u8(0x06)), "unreadable memory at 0x3000");
        assertUnavailable(DwarfExpression.evaluate(new Bytes().u8(0x91).sleb(8).array(), new DwarfExpression.Context(
                FRAME.registers(), FRAME.memory(), OptionalLong.empty(), OptionalLong.empty())), "frame base");
        assertUnavailable(eval(new Bytes()), "optimized out");
    }

    @Test
    void aMalformedExpressionIsUnreadableAndNeverThrows() {
        assertUnavailable(eval(new Bytes().u8(0x0c, 0x01)), "expected an operand");
        assertUnavailable(eval(new Bytes().u8(0x22)), "empty stack");
        assertUnavailable(eval(new Bytes().u8(0x30, 0x30, 0x1b)), "divides by zero");
        assertUnavailable(eval(new Bytes().u8(0x2f).u16(0xfffd)), "steps");
        assertUnavailable(eval(new Bytes().u8(0x2f).u16(0x100)), "branch to byte");
        assertUnavailable(eval(new Bytes().u8(0xe0)), "DWARF operation 0xe0");
        Bytes deep = new Bytes();
        for (int i = 0; i < 65; i++) {
            deep.u8(0x30);
        }
        assertUnavailable(eval(deep), "stack grows");
        assertUnavailable(eval(new Bytes().u8(0x90).uleb(1L << 40)), "out of range");
    }

    private static void assertUnavailable(Location location, String reason) {
        Location.Unavailable unavailable = assertInstanceOf(Location.Unavailable.class, location);
        assertTrue(unavailable.reason().contains(reason), unavailable.reason());
    }
}
