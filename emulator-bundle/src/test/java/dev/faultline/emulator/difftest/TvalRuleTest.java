package dev.faultline.emulator.difftest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Parsing and evaluating the tval rules of traps.properties. */
class TvalRuleTest {

    private static final Map<String, Long> SYMBOLS = Map.of("amo_word", 0x12008L);

    @Test
    void eachRuleGivesItsValueForATrap() {
        assertEquals(0xc0001073L, TvalRule.parse("insn").expected(0x10020, 0xc0001073L, SYMBOLS));
        assertEquals(0x10020L, TvalRule.parse("pc").expected(0x10020, 0x9002, SYMBOLS));
        assertEquals(0L, TvalRule.parse("zero").expected(0x10020, 0x9002, SYMBOLS));
        assertEquals(0x1230L, TvalRule.parse("addr:0x1230").expected(0x10020, 0, SYMBOLS));
        assertEquals(0x1200aL, TvalRule.parse("sym:amo_word+2").expected(0x10020, 0, SYMBOLS));
        assertEquals(0x12008L, TvalRule.parse(" sym:amo_word ").expected(0x10020, 0, SYMBOLS));
    }

    @Test
    void anUnknownRuleIsRejectedWithTheAcceptedForms() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TvalRule.parse("address"));
        assertTrue(e.getMessage().contains("insn, pc, zero, addr:0xHEX or sym:NAME[+N]"), e.getMessage());
    }

    @Test
    void aSymbolMissingFromTheElfIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TvalRule.parse("sym:lr_word+4").expected(0, 0, SYMBOLS));
        assertTrue(e.getMessage().contains("lr_word"), e.getMessage());
    }
}
