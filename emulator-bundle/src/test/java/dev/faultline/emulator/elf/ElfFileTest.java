package dev.faultline.emulator.elf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.faultline.emulator.dwarf.DebugGuests;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ElfFileTest {

    private static final Pattern LOAD = Pattern.compile(
            "^\\s+LOAD\\s+0x(\\p{XDigit}+)\\s+0x(\\p{XDigit}+)\\s+0x\\p{XDigit}+\\s+0x(\\p{XDigit}+)\\s+0x(\\p{XDigit}+)\\s+([RWE ]{3})\\s+0x(\\p{XDigit}+)$",
            Pattern.MULTILINE);
    private static final Pattern SECTION = Pattern.compile(
            "^\\s+\\[\\s*(\\d+)\\]\\s+(\\S*)\\s+\\S+\\s+(\\p{XDigit}{16})\\s+(\\p{XDigit}+)\\s+(\\p{XDigit}+)\\s", Pattern.MULTILINE);
    private static final Pattern SYMBOL = Pattern.compile(
            "^\\s+(\\d+):\\s+(\\p{XDigit}+)\\s+(\\d+)\\s+(\\S+)\\s+(\\S+)\\s+\\S+\\s+(\\S+)\\s*(\\S*)$", Pattern.MULTILINE);

    @Test
    void headerGivesTheEntryPointReadelfReports() throws Exception {
        for (Path path : DebugGuests.all()) {
            ElfFile elf = ElfFile.read(path);
            Matcher entry = Pattern.compile("Entry point address:\\s+0x(\\p{XDigit}+)").matcher(DebugGuests.readelf(path, "-h"));
            assertTrue(entry.find());
            assertEquals(Long.parseLong(entry.group(1), 16), elf.entry(), path.toString());
            assertEquals(ElfHeader.EM_RISCV, elf.header().machine());
        }
    }

    @Test
    void loadSegmentsMatchReadelfProgramHeaders() throws Exception {
        for (Path path : DebugGuests.all()) {
            ElfFile elf = ElfFile.read(path);
            List<String> expected = new ArrayList<>();
            Matcher m = LOAD.matcher(DebugGuests.readelf(path, "-l"));
            while (m.find()) {
                expected.add(m.group(1) + " " + m.group(2) + " " + m.group(3) + " " + m.group(4) + " "
                        + m.group(5).replace(" ", "") + " " + m.group(6));
            }
            List<String> actual = new ArrayList<>();
            for (Segment s : elf.loadSegments()) {
                actual.add(String.format("%06x %016x %06x %06x %s %x", s.offset(), s.virtualAddress(), s.fileSize(),
                        s.memorySize(), (s.isReadable() ? "R" : "") + (s.isWritable() ? "W" : "") + (s.isExecutable() ? "E" : ""),
                        s.alignment()));
            }
            assertFalse(expected.isEmpty());
            assertEquals(expected, actual, path.toString());
        }
    }

    @Test
    void segmentFileBytesAreTheFileRangeReadelfNames() throws Exception {
        Path path = DebugGuests.gccDwarf5Optimised();
        byte[] file = java.nio.file.Files.readAllBytes(path);
        for (Segment segment : ElfFile.parse("guest.elf", file).loadSegments()) {
            byte[] bytes = segment.copyFileBytes();
            assertEquals(segment.fileSize(), bytes.length);
            for (int i = 0; i < bytes.length; i++) {
                assertEquals(file[(int) segment.offset() + i], bytes[i]);
            }
            assertEquals(0, segment.fileBytes().position());
        }
    }

    @Test
    void sectionsHaveTheNamesAddressesAndRangesReadelfLists() throws Exception {
        for (Path path : DebugGuests.all()) {
            ElfFile elf = ElfFile.read(path);
            Matcher m = SECTION.matcher(DebugGuests.readelf(path, "-S"));
            int count = 0;
            while (m.find()) {
                Section section = elf.sections().get(Integer.parseInt(m.group(1)));
                assertEquals(m.group(2), section.name(), path.toString());
                assertEquals(Long.parseLong(m.group(3), 16), section.address(), section.name());
                assertEquals(Long.parseLong(m.group(4), 16), section.offset(), section.name());
                assertEquals(Long.parseLong(m.group(5), 16), section.size(), section.name());
                assertEquals(section, elf.section(section.name()).orElseThrow());
                count++;
            }
            assertEquals(elf.sections().size(), count, path.toString());
        }
    }

    @Test
    void symbolsMatchReadelfSymbolTable() throws Exception {
        for (Path path : DebugGuests.all()) {
            ElfFile elf = ElfFile.read(path);
            Matcher m = SYMBOL.matcher(DebugGuests.readelf(path, "-s"));
            int count = 0;
            while (m.find()) {
                Symbol symbol = elf.symbols().all().get(Integer.parseInt(m.group(1)));
                // readelf shows a section symbol by its section's name
                String name = symbol.type() == SymbolType.SECTION ? elf.sections().get(symbol.sectionIndex()).name()
                        : symbol.name();
                assertEquals(m.group(7), name);
                assertEquals(Long.parseUnsignedLong(m.group(2), 16), symbol.value(), symbol.name());
                assertEquals(Long.parseLong(m.group(3)), symbol.size(), symbol.name());
                assertEquals(m.group(4), symbol.type().name(), symbol.name());
                assertEquals(m.group(5), symbol.binding().name(), symbol.name());
                assertEquals(ndx(m.group(6)), symbol.sectionIndex(), symbol.name());
                count++;
            }
            assertTrue(count > 20);
            assertEquals(elf.symbols().all().size(), count, path.toString());
        }
    }

    private static int ndx(String text) {
        return switch (text) {
            case "UND" -> Symbol.SHN_UNDEF;
            case "ABS" -> Symbol.SHN_ABS;
            case "COM" -> Symbol.SHN_COMMON;
            default -> Integer.parseInt(text);
        };
    }

    @Test
    void symbolsAreFoundByNameAndByAnAddressInsideThem() throws Exception {
        ElfFile elf = ElfFile.read(DebugGuests.gccDwarf4());
        Symbol main = elf.symbols().byName("main").orElseThrow();
        assertEquals(SymbolType.FUNC, main.type());
        assertEquals(SymbolBinding.GLOBAL, main.binding());
        assertEquals(main, elf.symbols().containing(main.value() + 4).orElseThrow());
        assertEquals("main+0x4", elf.symbols().describe(main.value() + 4));
        assertEquals("main", elf.symbols().describe(main.value()));
        Symbol square = elf.symbols().byName("square").orElseThrow();
        assertEquals(SymbolBinding.LOCAL, square.binding());
        assertEquals("helper_mix+0x2", elf.symbols().describe(elf.symbols().byName("helper_mix").orElseThrow().value() + 2));
        assertEquals("_start+0x8", elf.symbols().describe(elf.symbols().byName("_start").orElseThrow().value() + 8));
        assertEquals(".text", elf.sections().get(main.sectionIndex()).name());
        assertTrue(elf.symbols().byName("no_such_symbol").isEmpty());
    }
}
