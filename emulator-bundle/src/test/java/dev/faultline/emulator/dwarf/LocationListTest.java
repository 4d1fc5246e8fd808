package dev.faultline.emulator.dwarf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.faultline.emulator.elf.ElfFile;
import dev.faultline.emulator.testing.Toolchain;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Location lists (DWARF 4 .debug_loc, DWARF 5 .debug_loclists by offset and by loclistx) against
 * llvm-dwarfdump: at every entry's range the reader finds that entry's expression, and the
 * evaluator makes of the common forms what dwarfdump prints.
 */
class LocationListTest {

    private static final Pattern LIST = Pattern.compile("DW_AT_location\\s*\\((?:indexed \\(0x\\p{XDigit}+\\) loclist = )?0x(\\p{XDigit}+):");
    private static final Pattern ENTRY = Pattern.compile("\\[0x(\\p{XDigit}+), 0x(\\p{XDigit}+)\\): (.*?)\\)?$");
    private static final Pattern REGISTER = Pattern.compile("DW_OP_reg(\\d+) X\\d+");
    private static final Pattern LITERAL = Pattern.compile("DW_OP_lit(\\d+), DW_OP_stack_value");
    private static final Pattern BASE_REGISTER = Pattern.compile("DW_OP_breg(\\d+) X\\d+([+-]\\d+), DW_OP_stack_value");

    private record Entry(long low, long high, String text) {
    }

    /** dwarfdump's location lists by their offset (or index) as it prints it, entries in order. */
    private static Map<Long, List<Entry>> dwarfdumpLists(Path elf) {
        Toolchain.ProcessResult result = Toolchain.run(List.of("llvm-dwarfdump", "--debug-info", elf.toString()),
                Duration.ofMinutes(1), "llvm");
        Map<Long, List<Entry>> lists = new HashMap<>();
        List<Entry> current = null;
        for (String line : result.stdoutText().split("\n")) {
            Matcher list = LIST.matcher(line);
            if (list.find()) {
                current = lists.computeIfAbsent(Long.parseLong(list.group(1), 16), k -> new ArrayList<>());
                current.clear();
                continue;
            }
            Matcher entry = ENTRY.matcher(line.trim());
            if (current != null && entry.find()) {
                current.add(new Entry(Long.parseUnsignedLong(entry.group(1), 16), Long.parseUnsignedLong(entry.group(2), 16),
                        entry.group(3)));
            }
            if (line.isBlank()) {
                current = null;
            }
        }
        return lists;
    }

    @Test
    void everyEntryOfEveryListIsFoundAtItsRangeAsDwarfdumpReadsIt() throws Exception {
        RegisterReader registers = r -> OptionalLong.of(100 + r);
        DwarfExpression.Context context = new DwarfExpression.Context(registers, (a, s) -> OptionalLong.empty(),
                OptionalLong.empty(), OptionalLong.empty());
        for (Path elf : List.of(DebugGuests.gccDwarf4Optimised(), DebugGuests.gccDwarf5Optimised(), DebugGuests.clangDwarf5())) {
            Map<Long, List<Entry>> expected = dwarfdumpLists(elf);
            DebugInfo info = DebugInfo.read(ElfFile.read(elf));
            int lists = 0;
            int evaluated = 0;
            Deque<Die> pending = new ArrayDeque<>();
            info.units().forEach(u -> pending.add(u.root()));
            while (!pending.isEmpty()) {
                Die die = pending.pop();
                pending.addAll(die.children());
                AttributeValue value = die.attribute(DwarfAttribute.LOCATION).orElse(null);
                if (value == null || value.block() != null) {
                    continue;
                }
                long offset = value.formClass() == FormClass.LOCATION_LIST_INDEX ? loclistOffset(info, die, value.value())
                        : value.value();
                List<Entry> entries = expected.get(offset);
                assertTrue(entries != null && !entries.isEmpty(), elf + ": dwarfdump shows the list of " + die);
                lists++;
                for (Entry entry : entries) {
                    for (long pc : new long[] {entry.low(), entry.high() - 1}) {
                        byte[] expression = die.locationAt(DwarfAttribute.LOCATION, pc).orElseThrow(
                                () -> new AssertionError(elf + " " + die + ": no expression at 0x" + Long.toHexString(pc)));
                        DwarfExpression.Location location = DwarfExpression.evaluate(expression, context);
                        evaluated += check(entry.text(), location, elf + " " + die + " at 0x" + Long.toHexString(pc));
                    }
                }
                long before = entries.get(0).low() - 1;
                if (entries.stream().noneMatch(e -> e.low() <= before && before < e.high())) {
                    assertTrue(die.locationAt(DwarfAttribute.LOCATION, before).isEmpty(),
                            elf + " " + die + ": optimized out before its first entry");
                }
            }
            assertTrue(lists >= 3, elf + ": " + lists + " location lists");
            assertTrue(evaluated >= 3, elf + ": " + evaluated + " entries evaluated");
        }
    }

    /** The section offset of a loclistx list: the unit's DW_AT_loclists_base plus the offset table's entry. */
    private static long loclistOffset(DebugInfo info, Die die, long index) {
        long base = die.unit().root().attribute(DwarfAttribute.LOCLISTS_BASE).orElseThrow().value();
        return base + info.sections().get(".debug_loclists").orElseThrow().data().getInt((int) (base + 4 * index));
    }

    /** Compares what the evaluator makes of an entry with dwarfdump's text of it, for the forms compilers use most. */
    private static int check(String text, DwarfExpression.Location location, String where) {
        Matcher register = REGISTER.matcher(text);
        if (register.matches()) {
            assertEquals(new DwarfExpression.Location.Register(Integer.parseInt(register.group(1))), location, where);
            return 1;
        }
        Matcher literal = LITERAL.matcher(text);
        if (literal.matches()) {
            assertEquals(new DwarfExpression.Location.Value(Long.parseLong(literal.group(1))), location, where);
            return 1;
        }
        Matcher base = BASE_REGISTER.matcher(text);
        if (base.matches()) {
            long expected = 100 + Integer.parseInt(base.group(1)) + Long.parseLong(base.group(2));
            assertEquals(new DwarfExpression.Location.Value(expected), location, where);
            return 1;
        }
        if (text.startsWith("DW_OP_entry_value") || text.startsWith("DW_OP_GNU_entry_value")) {
            assertTrue(location instanceof DwarfExpression.Location.Unavailable u && u.reason().contains("on entry"),
                    where + ": " + location);
            return 1;
        }
        return 0;
    }
}
