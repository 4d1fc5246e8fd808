package dev.faultline.emulator.elf;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.faultline.emulator.dwarf.DebugGuests;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class ElfFuzzTest {

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void everyTruncationIsParsedOrRejectedWithAnOffsetAndField() throws Exception {
        byte[] original = Files.readAllBytes(DebugGuests.gccDwarf5Optimised());
        int rejected = 0;
        for (int length = 0; length < original.length; length++) {
            if (!parses(Arrays.copyOf(original, length))) {
                rejected++;
            }
        }
        // the section header table sits at the end, so every truncation loses it
        assertTrue(rejected == original.length, rejected + " of " + original.length);
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void randomlyCorruptedHeadersAndTablesNeverEscapeAsUncheckedExceptions() throws Exception {
        byte[] original = Files.readAllBytes(DebugGuests.gccDwarf4());
        ElfFile elf = ElfFile.parse("guest.elf", original);
        long shoff = elf.header().sectionHeaderOffset();
        Random random = new Random(20240601L);
        int parsed = 0;
        for (int variant = 0; variant < 20000; variant++) {
            byte[] bytes = original.clone();
            int flips = 1 + random.nextInt(4);
            for (int i = 0; i < flips; i++) {
                // aim at the structures the parser reads: header, program headers, section headers, symbols
                int region = random.nextInt(3);
                int at = switch (region) {
                    case 0 -> random.nextInt(64 + 56 * elf.header().programHeaderCount());
                    case 1 -> (int) shoff + random.nextInt(64 * elf.header().sectionHeaderCount());
                    default -> random.nextInt(bytes.length);
                };
                bytes[at] = (byte) random.nextInt(256);
            }
            if (parses(bytes)) {
                parsed++;
            }
        }
        assertTrue(parsed > 0 && parsed < 20000, parsed + " variants parsed");
    }

    /** Parses and queries; only ElfFormatException may come out, and it must name an offset and field. */
    static boolean parses(byte[] bytes) {
        try {
            ElfFile elf = ElfFile.parse("fuzz.elf", bytes);
            for (Section section : elf.sections()) {
                elf.sectionBytes(section);
            }
            for (Segment segment : elf.loadSegments()) {
                segment.copyFileBytes();
                elf.symbols().describe(segment.virtualAddress());
            }
            elf.symbols().byName("main");
            return true;
        } catch (ElfFormatException e) {
            assertTrue(e.getMessage().startsWith("fuzz.elf: offset 0x") && e.getMessage().contains("): expected"),
                    e.getMessage());
            return false;
        }
    }
}
