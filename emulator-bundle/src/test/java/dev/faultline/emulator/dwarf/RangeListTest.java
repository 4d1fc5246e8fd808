package dev.faultline.emulator.dwarf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.faultline.emulator.elf.ElfFile;
import dev.faultline.emulator.testing.Toolchain;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class RangeListTest {

    private static final Pattern RANGES = Pattern.compile(
            "DW_AT_ranges\\s*\\((?:indexed \\(0x\\p{XDigit}+\\) rangelist = )?0x(\\p{XDigit}+)");
    private static final Pattern RANGE = Pattern.compile("\\[0x(\\p{XDigit}+), 0x(\\p{XDigit}+)\\)");

    /**
     * llvm-dwarfdump's resolved DW_AT_ranges by list offset, empty ranges left out as a debugger
     * ignores them (readelf 2.40 prints only the first list of a .debug_rnglists table without offsets).
     */
    private static Map<Long, List<AddressRange>> dwarfdumpLists(Path elf) {
        Toolchain.ProcessResult result = Toolchain.run(List.of("llvm-dwarfdump", "--debug-info", elf.toString()),
                Duration.ofMinutes(1), "llvm");
        Map<Long, List<AddressRange>> lists = new TreeMap<>();
        List<AddressRange> current = null;
        for (String line : result.stdoutText().split("\n")) {
            Matcher list = RANGES.matcher(line);
            if (list.find()) {
                current = lists.computeIfAbsent(Long.parseLong(list.group(1), 16), k -> new ArrayList<>());
                current.clear();
            }
            Matcher range = RANGE.matcher(line);
            if (current != null && range.find()) {
                AddressRange r = new AddressRange(Long.parseUnsignedLong(range.group(1), 16), Long.parseUnsignedLong(range.group(2), 16));
                if (!r.isEmpty()) {
                    current.add(r);
                }
            }
            if (current != null && line.trim().endsWith("))")) {
                current = null;
            }
        }
        return lists;
    }

    @Test
    void rangesOfDwarf4AndDwarf5EntriesMatchLlvmDwarfdump() throws Exception {
        for (Path elf : List.of(DebugGuests.gccDwarf4Optimised(), DebugGuests.gccDwarf5Optimised(), DebugGuests.clangDwarf5())) {
            Map<Long, List<AddressRange>> expected = dwarfdumpLists(elf);
            DebugInfo info = DebugInfo.read(ElfFile.read(elf));
            int compared = 0;
            Deque<Die> pending = new ArrayDeque<>();
            info.units().forEach(u -> pending.add(u.root()));
            while (!pending.isEmpty()) {
                Die die = pending.pop();
                pending.addAll(die.children());
                if (die.has(DwarfAttribute.RANGES)) {
                    AttributeValue value = die.attribute(DwarfAttribute.RANGES).orElseThrow();
                    long offset = value.formClass() == FormClass.RANGE_LIST_INDEX ? rnglistOffset(info, die, value.value()) : value.value();
                    assertEquals(expected.get(offset), die.ranges(), elf + " " + die);
                    compared++;
                }
            }
            assertTrue(compared >= 1, elf + ": " + compared);
        }
    }

    @Test
    void clangUnitRangesComeThroughRnglistxAndTheUnitsBase() throws Exception {
        DebugInfo info = DebugInfo.read(ElfFile.read(DebugGuests.clangDwarf5()));
        CompilationUnit calls = info.units().stream().filter(u -> u.name().orElse("").endsWith("calls.c")).findFirst().orElseThrow();
        assertEquals(FormClass.RANGE_LIST_INDEX, calls.root().attribute(DwarfAttribute.RANGES).orElseThrow().formClass());
        assertEquals(FormClass.STRING_INDEX, calls.root().attribute(DwarfAttribute.NAME).orElseThrow().formClass());
        for (Function function : info.functions()) {
            if (function.die().unit() == calls && function.kind() == FunctionKind.SUBPROGRAM) {
                assertTrue(calls.ranges().stream().anyMatch(r -> r.contains(function.lowPc())), function.name());
            }
        }
    }

    /** The section offset of a rnglistx list: the unit's DW_AT_rnglists_base plus the offset table's entry. */
    private static long rnglistOffset(DebugInfo info, Die die, long index) {
        long base = die.unit().root().attribute(DwarfAttribute.RNGLISTS_BASE).orElseThrow().value();
        ByteBuffer rnglists = info.sections().get(".debug_rnglists").orElseThrow().data();
        return base + rnglists.getInt((int) (base + 4 * index));
    }

    @Test
    void clangLineTableCarriesTheMd5OfEachSourceFile() throws Exception {
        LineTable lines = DebugInfo.read(ElfFile.read(DebugGuests.clangDwarf5())).lineTable().orElseThrow();
        int checked = 0;
        for (LineProgramHeader header : lines.headers()) {
            assertEquals(5, header.version());
            for (FileEntry file : header.files()) {
                String name = file.name().substring(file.name().lastIndexOf('/') + 1);
                Path source = DebugGuests.guestDir().resolve(name);
                if (java.nio.file.Files.exists(source)) {
                    byte[] md5 = MessageDigest.getInstance("MD5").digest(java.nio.file.Files.readAllBytes(source));
                    assertEquals(HexFormat.of().formatHex(md5), file.md5().orElseThrow(), file.name());
                    checked++;
                }
            }
        }
        assertTrue(checked >= 4, "calls.c, helper.c and helper.h: " + checked);
    }
}
