package dev.faultline.emulator.dwarf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.faultline.emulator.elf.ElfFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class LineTableTest {

    private static final Pattern ROW = Pattern.compile(
            "^(\\S+)\\s+(\\d+|-)\\s+0x(\\p{XDigit}+)(?:\\s+\\d+)?\\s*(x?)\\s*$", Pattern.MULTILINE);

    private static LineTable lines(Path elf) throws Exception {
        return DebugInfo.read(ElfFile.read(elf)).lineTable().orElseThrow();
    }

    /** readelf's decoded rows: "basename line address stmt", and "- address" for each end of sequence. */
    private static List<String> readelfRows(Path elf) {
        List<String> rows = new ArrayList<>();
        Matcher m = ROW.matcher(DebugGuests.readelf(elf, "--debug-dump=decodedline"));
        while (m.find()) {
            long address = Long.parseUnsignedLong(m.group(3), 16);
            rows.add(m.group(2).equals("-") ? "- " + Long.toHexString(address)
                    : basename(m.group(1)) + " " + m.group(2) + " " + Long.toHexString(address) + " " + m.group(4));
        }
        return rows;
    }

    private static List<String> ourRows(LineTable table) {
        List<String> rows = new ArrayList<>();
        List<LineSequence> inSectionOrder = new ArrayList<>(table.sequences());
        for (LineSequence sequence : inSectionOrder) {
            for (LineRow row : sequence.rows()) {
                rows.add(basename(row.file()) + " " + row.line() + " " + Long.toHexString(row.address()) + " "
                        + (row.isStmt() ? "x" : ""));
            }
            rows.add("- " + Long.toHexString(sequence.endAddress()));
        }
        return rows;
    }

    private static String basename(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    @Test
    void everyRowOfEveryGuestMatchesReadelfDecodedLines() throws Exception {
        for (Path elf : DebugGuests.all()) {
            List<String> expected = readelfRows(elf);
            assertTrue(expected.size() > 30, elf.toString());
            // readelf lists sequences in section order; ours are sorted by address, which the guests share
            assertEquals(new TreeSet<>(expected).size(), new TreeSet<>(ourRows(lines(elf))).size(), elf.toString());
            assertEquals(sorted(expected), sorted(ourRows(lines(elf))), elf.toString());
        }
    }

    private static List<String> sorted(List<String> rows) {
        List<String> copy = new ArrayList<>(rows);
        copy.sort(null);
        return copy;
    }

    @Test
    void lineTableMapsEveryStatementAddressOfDwarf5UnitToItsRow() throws Exception {
        for (Path elf : List.of(DebugGuests.gccDwarf5(), DebugGuests.clangDwarf5())) {
            LineTable table = lines(elf);
            for (LineSequence sequence : table.sequences()) {
                List<LineRow> rows = sequence.rows();
                for (int i = 0; i < rows.size(); i++) {
                    LineRow row = rows.get(i);
                    boolean lastAtAddress = i + 1 == rows.size() || rows.get(i + 1).address() != row.address();
                    if (lastAtAddress) {
                        assertEquals(row, table.rowAt(row.address()).orElseThrow(), elf + " 0x" + Long.toHexString(row.address()));
                    }
                }
                assertTrue(table.rowAt(sequence.endAddress()).isEmpty()
                        || table.rowAt(sequence.endAddress()).get().address() >= sequence.endAddress());
            }
        }
    }

    @Test
    void filePathsAreAbsoluteUnderTheCompilationDirectory() throws Exception {
        for (Path elf : DebugGuests.all()) {
            List<String> files = lines(elf).files();
            String calls = DebugGuests.guestDir().resolve("calls.c").toString();
            assertTrue(files.contains(calls), elf + " " + files);
            assertTrue(files.stream().allMatch(f -> f.startsWith("/")), files.toString());
        }
    }

    @Test
    void sourceLineGivesEveryStatementAddressForBreakpoints() throws Exception {
        Path elf = DebugGuests.gccDwarf4();
        LineTable table = lines(elf);
        int loopLine = lineOf("for (int i = 0; i < steps; i++)");
        List<Long> byBasename = table.addressesFor("calls.c", loopLine);
        List<Long> expected = readelfAddresses(elf, "calls.c", loopLine);
        assertFalse(expected.isEmpty());
        assertEquals(expected, byBasename);
        assertEquals(expected, table.addressesFor(DebugGuests.guestDir().resolve("calls.c").toString(), loopLine));
        assertEquals(expected, table.addressesFor("dwarf/calls.c", loopLine));
        assertTrue(table.addressesFor("other/calls.c", loopLine).isEmpty());
        assertTrue(table.addressesFor("/calls.c", loopLine).isEmpty());
        assertTrue(table.addressesFor("alls.c", loopLine).isEmpty(), "a suffix must be whole path segments");
        assertEquals(List.of(DebugGuests.guestDir().resolve("helper.c").toString()), table.resolveFile("helper.c"));
    }

    @Test
    void addressOfABreakpointLineMapsBackToThatLine() throws Exception {
        for (Path elf : DebugGuests.all()) {
            LineTable table = lines(elf);
            int line = lineOf("mixed = mixed * 3 + i;");
            List<Long> addresses = table.addressesFor("helper.c", line);
            assertFalse(addresses.isEmpty(), elf.toString());
            assertEquals(readelfAddresses(elf, "helper.c", line), addresses, elf.toString());
            for (long address : addresses) {
                LineRow row = table.rowAt(address).orElseThrow();
                assertTrue(row.file().endsWith("/helper.c"));
            }
        }
    }

    private static List<Long> readelfAddresses(Path elf, String file, int line) {
        TreeSet<Long> addresses = new TreeSet<>();
        Matcher m = ROW.matcher(DebugGuests.readelf(elf, "--debug-dump=decodedline"));
        while (m.find()) {
            if (basename(m.group(1)).equals(file) && m.group(2).equals(String.valueOf(line)) && m.group(4).equals("x")) {
                addresses.add(Long.parseUnsignedLong(m.group(3), 16));
            }
        }
        return List.copyOf(addresses);
    }

    /** The 1-based line of the guest source that contains the text (calls.c, then helper.c). */
    static int lineOf(String text) throws Exception {
        for (String file : List.of("calls.c", "helper.c")) {
            List<String> lines = java.nio.file.Files.readAllLines(DebugGuests.guestDir().resolve(file));
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).contains(text)) {
                    return i + 1;
                }
            }
        }
        throw new AssertionError("no line contains " + text);
    }
}
