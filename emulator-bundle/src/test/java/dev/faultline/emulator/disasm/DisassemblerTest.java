package dev.faultline.emulator.disasm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.faultline.emulator.isa.Decoder;
import dev.faultline.emulator.isa.Instruction;
import dev.faultline.emulator.isa.Opcode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class DisassemblerTest {

    /** Sample words without lui/auipc, whose stream listing is then free of cross-instruction context. */
    private static int[] contextFreeWords() {
        List<Integer> words = new ArrayList<>(EncodingSamples.fullLength(new Random(11), 20));
        words.removeIf(w -> Decoder.decode(w).opcode() == Opcode.LUI || Decoder.decode(w).opcode() == Opcode.AUIPC);
        return words.stream().mapToInt(Integer::intValue).toArray();
    }

    @Test
    void textOfOneInstructionIsWhatObjdumpPrintsForItInBothSyntaxes() {
        int[] words = contextFreeWords();
        byte[] code = RawCode.words(words);
        var object = RawCode.object("one-by-one", code);
        for (Syntax syntax : Syntax.values()) {
            List<DisassembledInstruction> objdump = ObjdumpListing.of(object, syntax);
            Disassembler disassembler = new Disassembler(syntax, Symbolizer.none());
            List<DisassembledInstruction> ours = IntStream.range(0, words.length)
                    .mapToObj(i -> new DisassembledInstruction(4L * i, 4,
                            disassembler.text(Decoder.decode(words[i]), 4L * i)))
                    .toList();
            ListingAssertions.assertSameListing(objdump, ours,
                    address -> Integer.toHexString(words[(int) (address / 4)]));
        }
    }

    @Test
    void textOfOneCompressedInstructionIsWhatObjdumpPrintsForItInBothSyntaxes() {
        int[] halfwords = IntStream.range(0, 0x10000)
                .filter(h -> (h & 3) != 3 && Decoder.decode(h).opcode() != Opcode.LUI).toArray();
        var object = RawCode.object("one-by-one-compressed", RawCode.halfwords(halfwords));
        for (Syntax syntax : Syntax.values()) {
            Disassembler disassembler = new Disassembler(syntax, Symbolizer.none());
            List<DisassembledInstruction> ours = IntStream.range(0, halfwords.length)
                    .mapToObj(i -> new DisassembledInstruction(2L * i, 2,
                            disassembler.text(Decoder.decode(halfwords[i]), 2L * i)))
                    .toList();
            ListingAssertions.assertSameListing(ObjdumpListing.of(object, syntax), ours,
                    address -> Integer.toHexString(halfwords[(int) (address / 2)]));
        }
    }

    @Test
    void oneInstructionAloneForgetsTheLuiBeforeItWhileARangeFollowsIt() {
        int lui = 0x000127b7;   // lui a5,0x12
        int addi = 0x00478513;  // addi a0,a5,4
        byte[] pair = RawCode.words(new int[] {lui, addi});
        byte[] alone = RawCode.words(new int[] {addi});
        Disassembler disassembler = new Disassembler(Syntax.NO_ALIASES, Symbolizer.none());

        List<DisassembledInstruction> range = disassembler.disassemble(pair, 0);
        String single = disassembler.text(Decoder.decode(addi), 4);

        List<DisassembledInstruction> objdumpPair = ObjdumpListing.of(RawCode.object("pair", pair), Syntax.NO_ALIASES);
        List<DisassembledInstruction> objdumpAlone =
                ObjdumpListing.of(RawCode.object("alone", alone), Syntax.NO_ALIASES);
        assertEquals(objdumpPair.get(1).text(), range.get(1).text());
        assertEquals(objdumpAlone.get(0).text(), single);
        assertNotEquals(single, range.get(1).text());
    }

    @Test
    void illegalInstructionsPrintAsDataOfTheirOwnLength() {
        byte[] code = RawCode.halfwords(new int[] {0x2000, 0x0000, 0x3007, 0x0005}); // c.fld, then fld
        List<DisassembledInstruction> objdump = ObjdumpListing.of(RawCode.object("illegal", code), Syntax.ALIASES);
        Disassembler disassembler = new Disassembler(Syntax.ALIASES, Symbolizer.none());
        Instruction cFld = Decoder.decode(0x2000);
        Instruction fld = Decoder.decode(0x00053007);
        assertEquals(objdump.get(0).text(), disassembler.text(cFld, 0));
        assertEquals(objdump.get(2).text(), disassembler.text(fld, 4));
    }

    @Test
    void globalPointerRelativeAccessesAreAnnotatedOnlyWhenGpIsKnown() {
        int load = 0x8101b503; // ld a0,-2032(gp)
        long gp = 0x12800;
        Disassembler plain = new Disassembler(Syntax.ALIASES, Symbolizer.none());
        byte[] code = RawCode.words(new int[] {load});
        String objdumpWithoutGp = ObjdumpListing.of(RawCode.object("gp", code), Syntax.ALIASES).get(0).text();
        assertEquals(objdumpWithoutGp, plain.text(Decoder.decode(load), 0));
        assertEquals(objdumpWithoutGp + " # 0x" + Long.toHexString(gp - 2032),
                plain.withGlobalPointer(gp).text(Decoder.decode(load), 0));
    }
}
