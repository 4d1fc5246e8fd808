package dev.faultline.emulator.dwarf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.faultline.emulator.elf.ElfFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class CallFrameInfoTest {

    /** RISC-V psABI names of x0..x31, as readelf heads its columns. */
    static final List<String> NAMES = List.of("zero", "ra", "sp", "gp", "tp", "t0", "t1", "t2", "s0", "s1", "a0", "a1",
            "a2", "a3", "a4", "a5", "a6", "a7", "s2", "s3", "s4", "s5", "s6", "s7", "s8", "s9", "s10", "s11", "t3", "t4",
            "t5", "t6");
    private static final Pattern FDE = Pattern.compile("^(\\p{XDigit}{8}) \\p{XDigit}+ \\p{XDigit}+ FDE cie=\\p{XDigit}+ pc=(\\p{XDigit}+)\\.\\.(\\p{XDigit}+)");

    @Test
    void everyCfiRowMatchesReadelfFramesInterp() throws Exception {
        for (Path elf : DebugGuests.all()) {
            CallFrameInfo cfi = DebugInfo.read(ElfFile.read(elf)).callFrames().orElseThrow();
            Map<Long, Fde> byOffset = new HashMap<>();
            cfi.fdes().forEach(f -> byOffset.put(f.offset(), f));
            String[] lines = DebugGuests.readelf(elf, "--debug-dump=frames-interp").split("\n");
            int fdes = 0;
            int rows = 0;
            for (int i = 0; i < lines.length; i++) {
                Matcher m = FDE.matcher(lines[i]);
                if (!m.find()) {
                    continue;
                }
                Fde fde = byOffset.get(Long.parseLong(m.group(1), 16));
                assertEquals(Long.parseUnsignedLong(m.group(2), 16), fde.initialLocation(), elf + " " + lines[i]);
                assertEquals(Long.parseUnsignedLong(m.group(3), 16), fde.endAddress());
                List<String> expected = new ArrayList<>();
                String[] columns = i + 1 < lines.length && lines[i + 1].trim().startsWith("LOC")
                        ? lines[i + 1].trim().split("\\s+") : new String[0];
                for (int j = i + 2; columns.length > 0 && j < lines.length && !lines[j].isBlank(); j++) {
                    expected.add(String.join(" ", lines[j].trim().split("\\s+")));
                }
                List<CfiRow> ours = cfi.rows(fde);
                if (!expected.isEmpty()) {
                    List<String> actual = new ArrayList<>();
                    for (CfiRow row : ours) {
                        actual.add(format(row, columns));
                    }
                    assertEquals(expected, actual, elf + " FDE " + m.group(1));
                    rows += expected.size();
                } else {
                    assertEquals("sp+0", cfa(ours.get(0).cfa()), "an FDE without instructions keeps the CIE's rule");
                }
                fdes++;
            }
            assertEquals(cfi.fdes().size(), fdes, elf.toString());
            assertTrue(rows > 10, elf + ": " + rows);
        }
    }

    private static String format(CfiRow row, String[] columns) {
        StringBuilder text = new StringBuilder(String.format("%016x %s", row.address(), cfa(row.cfa())));
        for (int c = 2; c < columns.length; c++) {
            text.append(' ').append(rule(row.registers().get(NAMES.indexOf(columns[c]))));
        }
        return text.toString();
    }

    private static String cfa(CfaRule rule) {
        if (rule instanceof CfaRule.RegisterOffset r) {
            return NAMES.get(r.register()) + (r.offset() >= 0 ? "+" : "") + r.offset();
        }
        return "exp";
    }

    private static String rule(RegisterRule rule) {
        if (rule == null || rule instanceof RegisterRule.Undefined) {
            return "u";
        }
        if (rule instanceof RegisterRule.Offset o) {
            return "c" + (o.offset() >= 0 ? "+" : "") + o.offset();
        }
        if (rule instanceof RegisterRule.ValOffset v) {
            return "v" + (v.offset() >= 0 ? "+" : "") + v.offset();
        }
        if (rule instanceof RegisterRule.SameValue) {
            return "s";
        }
        if (rule instanceof RegisterRule.InRegister r) {
            return NAMES.get(r.register());
        }
        return rule instanceof RegisterRule.Expression ? "exp" : "vexp";
    }

    @Test
    void ehFrameFdesUsePcRelativeAddressesThatLandOnFunctions() throws Exception {
        ElfFile elf = ElfFile.read(DebugGuests.gccDwarf5Optimised());
        assertTrue(elf.section(".eh_frame").isPresent());
        assertTrue(elf.section(".debug_frame").isEmpty());
        CallFrameInfo cfi = DebugInfo.read(elf).callFrames().orElseThrow();
        for (String name : List.of("main", "walk", "spiral", "descend", "helper_mix", "square")) {
            long address = elf.symbols().byName(name).orElseThrow().value();
            Fde fde = cfi.fdeFor(address).orElseThrow(() -> new AssertionError(name));
            assertEquals(address, fde.initialLocation(), name);
            assertEquals("zR", fde.cie().augmentation());
        }
    }
}
