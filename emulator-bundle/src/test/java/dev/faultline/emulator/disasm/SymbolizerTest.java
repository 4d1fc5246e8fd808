package dev.faultline.emulator.disasm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class SymbolizerTest {

    private final Symbolizer symbols = Symbolizer.nearest(Map.of(0x10000L, "_start", 0x10154L, "main",
            0xffffffff80000000L, "high"));

    @Test
    void anAddressOnASymbolIsTheSymbolsName() {
        assertEquals(Optional.of("main"), symbols.label(0x10154));
    }

    @Test
    void anAddressPastASymbolIsItsNamePlusTheHexDistance() {
        assertEquals(Optional.of("main+0x1c"), symbols.label(0x10170));
        assertEquals(Optional.of("_start+0x8"), symbols.label(0x10008));
    }

    @Test
    void anAddressBelowEverySymbolIsTheLowestNameMinusTheDistance() {
        assertEquals(Optional.of("_start-0xfff8"), symbols.label(8));
    }

    @Test
    void addressesCompareUnsignedSoHighAddressesFindHighSymbols() {
        assertEquals(Optional.of("high+0x4"), symbols.label(0xffffffff80000004L));
        assertEquals(Optional.of("high+0x7fffffff"), symbols.label(-1L));
    }

    @Test
    void noSymbolsMeansNoLabelAndTheDisassemblerWritesABareAddress() {
        assertEquals(Optional.empty(), Symbolizer.none().label(0x10000));
        assertEquals(Optional.empty(), Symbolizer.nearest(Map.of()).label(0x10000));
    }
}
