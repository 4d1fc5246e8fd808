package dev.faultline.emulator.disasm;

import static dev.faultline.emulator.disasm.RawCodeComparison.assertReadsLikeObjdump;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.faultline.emulator.isa.Decoder;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class CompressedAgainstObjdumpTest {

    /** Every halfword whose low bits mark a 16-bit instruction, in order. */
    private static final int[] HALFWORDS = IntStream.range(0, 0x10000).filter(h -> (h & 3) != 3).toArray();

    @Test
    void everyHalfwordReadsAsObjdumpReadsItInBothSyntaxes() {
        assertReadsLikeObjdump("halfwords", RawCode.halfwords(HALFWORDS));
    }

    /**
     * objdump and the decoder disagree on exactly two halfwords, both reserved by the specification:
     * the all-zero halfword, which objdump names c.unimp, and C.ADDI16SP with a zero immediate,
     * which objdump prints as "c.addi16sp sp,0".
     */
    @Test
    void decoderAgreesWithObjdumpOnWhichHalfwordsAreInstructionsExceptTwoReservedOnes() {
        List<DisassembledInstruction> objdump = ObjdumpListing.of(RawCode.object("halfwords-legality",
                RawCode.halfwords(HALFWORDS)), Syntax.NO_ALIASES);
        assertEquals(HALFWORDS.length, objdump.size());
        Map<String, String> disagreements = new TreeMap<>();
        for (int i = 0; i < HALFWORDS.length; i++) {
            boolean objdumpKnowsIt = !objdump.get(i).text().startsWith(".2byte");
            if (objdumpKnowsIt != Decoder.decode(HALFWORDS[i]).isLegal()) {
                disagreements.put(String.format("%04x", HALFWORDS[i]), objdump.get(i).text());
            }
        }
        assertEquals(Map.of("0000", "c.unimp", "6101", "c.addi16sp\tsp,0"), disagreements);
    }
}
