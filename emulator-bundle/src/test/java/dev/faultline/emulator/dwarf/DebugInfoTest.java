package dev.faultline.emulator.dwarf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.faultline.emulator.elf.ElfFile;
import dev.faultline.emulator.elf.Symbol;
import dev.faultline.emulator.elf.SymbolType;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DebugInfoTest {

    /** Tag numbers of DWARF 5 table 7.3 that the guests use, to compare with readelf's names. */
    private static final Map<String, Integer> TAGS = Map.ofEntries(Map.entry("DW_TAG_array_type", 0x01),
            Map.entry("DW_TAG_formal_parameter", 0x05), Map.entry("DW_TAG_lexical_block", 0x0b),
            Map.entry("DW_TAG_pointer_type", 0x0f), Map.entry("DW_TAG_compile_unit", 0x11),
            Map.entry("DW_TAG_subroutine_type", 0x15), Map.entry("DW_TAG_typedef", 0x16),
            Map.entry("DW_TAG_inlined_subroutine", 0x1d), Map.entry("DW_TAG_subrange_type", 0x21),
            Map.entry("DW_TAG_base_type", 0x24), Map.entry("DW_TAG_const_type", 0x26),
            Map.entry("DW_TAG_subprogram", 0x2e), Map.entry("DW_TAG_variable", 0x34),
            Map.entry("DW_TAG_volatile_type", 0x35), Map.entry("DW_TAG_call_site", 0x48),
            Map.entry("DW_TAG_call_site_parameter", 0x49), Map.entry("DW_TAG_GNU_call_site", 0x4109),
            Map.entry("DW_TAG_GNU_call_site_parameter", 0x410a));

    private static DebugInfo read(Path elf) throws Exception {
        return DebugInfo.read(ElfFile.read(elf));
    }

    @Test
    void everyEntryHasTheOffsetDepthAndTagReadelfShows() throws Exception {
        for (Path elf : DebugGuests.all()) {
            DebugInfo info = read(elf);
            ReadelfInfo expected = new ReadelfInfo(elf);
            int checked = 0;
            for (ReadelfInfo.Entry entry : expected.entries()) {
                Die die = info.dieAt(entry.offset()).orElseThrow(() -> new AssertionError(elf + " " + entry));
                assertEquals(entry.depth(), depth(die), entry.toString());
                if (TAGS.containsKey(entry.tag())) {
                    assertEquals(TAGS.get(entry.tag()), die.tag(), entry.toString());
                    checked++;
                }
            }
            assertEquals(expected.entries().size(), countDies(info), elf.toString());
            assertTrue(checked > expected.entries().size() / 2, elf.toString());
        }
    }

    private static int depth(Die die) {
        int depth = 0;
        for (Die d = die; d.parent().isPresent(); d = d.parent().get()) {
            depth++;
        }
        return depth;
    }

    private static int countDies(DebugInfo info) {
        int count = 0;
        Deque<Die> pending = new ArrayDeque<>();
        info.units().forEach(u -> pending.add(u.root()));
        while (!pending.isEmpty()) {
            Die die = pending.pop();
            count++;
            pending.addAll(die.children());
        }
        return count;
    }

    @Test
    void compilationUnitsHaveReadelfsNameDirectoryProducerAndLanguage() throws Exception {
        for (Path elf : DebugGuests.all()) {
            DebugInfo info = read(elf);
            Map<Long, ReadelfInfo.Entry> roots = new HashMap<>();
            new ReadelfInfo(elf).entries().stream().filter(e -> e.depth() == 0).forEach(e -> roots.put(e.offset(), e));
            assertEquals(roots.size(), info.units().size());
            for (CompilationUnit unit : info.units()) {
                ReadelfInfo.Entry root = roots.get(unit.root().offset());
                assertEquals(root.value("DW_AT_name"), unit.name().orElseThrow(), elf.toString());
                assertEquals(root.value("DW_AT_comp_dir"), unit.compDir().orElseThrow());
                assertEquals(root.value("DW_AT_producer"), unit.producer().orElseThrow());
                assertEquals(root.hex("DW_AT_language"), unit.language().orElseThrow());
                assertFalse(unit.ranges().isEmpty(), unit.toString());
            }
        }
    }

    @Test
    void functionsHaveReadelfsNamesAndPcRanges() throws Exception {
        for (Path elf : DebugGuests.all()) {
            DebugInfo info = read(elf);
            ReadelfInfo expected = new ReadelfInfo(elf);
            Map<Long, Function> byDie = new HashMap<>();
            info.functions().forEach(f -> byDie.put(f.die().offset(), f));
            int compared = 0;
            for (ReadelfInfo.Entry entry : expected.entries()) {
                boolean isFunction = entry.tag().equals("DW_TAG_subprogram") || entry.tag().equals("DW_TAG_inlined_subroutine");
                if (!isFunction || entry.value("DW_AT_low_pc") == null) {
                    continue;
                }
                Function function = byDie.get(entry.offset());
                assertNotNull(function, elf + " " + entry);
                assertEquals(expected.name(entry), function.name(), entry.toString());
                long low = entry.hex("DW_AT_low_pc");
                long high = entry.hex("DW_AT_high_pc");
                // high_pc is a length in a constant form, an address in an addr form
                long end = entry.value("DW_AT_high_pc.form").startsWith("addr") ? high : low + high;
                assertEquals(List.of(new AddressRange(low, end)), function.ranges(), entry.toString());
                compared++;
            }
            assertTrue(compared >= 5, elf + ": " + compared);
        }
    }

    @Test
    void everyFunctionSymbolIsCoveredByItsDwarfFunction() throws Exception {
        for (Path elf : DebugGuests.all()) {
            ElfFile file = ElfFile.read(elf);
            DebugInfo info = DebugInfo.read(file);
            for (Symbol symbol : file.symbols().all()) {
                if (symbol.type() != SymbolType.FUNC || symbol.size() == 0) {
                    continue;
                }
                Function function = info.function(symbol.name()).orElseThrow(() -> new AssertionError(symbol.name()));
                assertTrue(function.contains(symbol.value()), symbol.name());
                assertTrue(function.contains(symbol.value() + symbol.size() - 1), symbol.name());
                assertEquals(function, info.functionsAt(symbol.value()).get(0));
            }
        }
    }

    @Test
    void functionsCarryTheirDeclarationFileAndLine() throws Exception {
        for (Path elf : DebugGuests.all()) {
            DebugInfo info = read(elf);
            Function helper = info.function("helper_mix").orElseThrow();
            assertEquals(DebugGuests.guestDir().resolve("helper.c").toString(), helper.declFile().orElseThrow(), elf.toString());
            assertEquals(LineTableTest.lineOf("int __attribute__((noinline)) helper_mix"), helper.declLine());
            Function square = info.function("square").orElseThrow();
            assertEquals(DebugGuests.guestDir().resolve("calls.c").toString(), square.declFile().orElseThrow());
            assertEquals(LineTableTest.lineOf("static int __attribute__((noinline)) square"), square.declLine());
            assertTrue(info.function("descend").isPresent());
            assertTrue(info.absent().isEmpty(), info.absent().toString());
        }
    }

    @Test
    void inlinedFunctionIsNamedThroughItsAbstractOriginAndNestedInItsCaller() throws Exception {
        for (Path elf : List.of(DebugGuests.gccDwarf5Optimised(), DebugGuests.gccDwarf4Optimised(), DebugGuests.clangDwarf5())) {
            DebugInfo info = read(elf);
            List<Function> inlined = info.functions().stream()
                    .filter(f -> f.kind() == FunctionKind.INLINED && f.name().equals("twice")).toList();
            assertFalse(inlined.isEmpty(), elf + " " + info.functions());
            Function twice = inlined.get(0);
            assertEquals(LineTableTest.lineOf("static inline int twice"), twice.declLine());
            List<Function> stack = info.functionsAt(twice.lowPc());
            assertEquals("spiral", stack.get(0).name(), stack.toString());
            assertEquals("twice", stack.get(stack.size() - 1).name());
        }
    }

    @Test
    void dieTreeIsWalkableToParametersAndLocals() throws Exception {
        DebugInfo info = read(DebugGuests.gccDwarf4());
        Die descend = info.function("descend").orElseThrow().die();
        List<String> names = new java.util.ArrayList<>();
        for (Die child : descend.children()) {
            if (child.tag() == DwarfTag.FORMAL_PARAMETER || child.tag() == DwarfTag.VARIABLE) {
                names.add(child.name().orElseThrow());
                assertTrue(child.has(DwarfAttribute.TYPE));
                assertTrue(child.reference(DwarfAttribute.TYPE).isPresent());
                assertTrue(child.attribute(DwarfAttribute.LOCATION).orElseThrow().blockBytes().length > 0);
            }
        }
        assertEquals(List.of("depth", "trail", "below"), names);
        assertEquals(descend, descend.children().get(0).parent().orElseThrow());
    }

    @Test
    void skeletonUnitsOfSplitDwarfAreReadAndTheirDwoFilesNamedAsAbsent() throws Exception {
        Path elf = DebugGuests.gccSplitDwarf();
        DebugInfo info = read(elf);
        List<CompilationUnit> skeletons = info.units().stream()
                .filter(u -> u.header().unitType() == UnitHeader.DW_UT_SKELETON).toList();
        assertEquals(2, skeletons.size(), info.units().toString());
        for (CompilationUnit unit : skeletons) {
            assertEquals(DwarfTag.SKELETON_UNIT, unit.root().tag());
            assertTrue(unit.dwoName().orElseThrow().endsWith(".dwo"));
            assertFalse(unit.ranges().isEmpty());
        }
        assertTrue(info.absent().stream().anyMatch(a -> a.startsWith("split DWARF") && a.contains(".dwo")), info.absent().toString());
        assertFalse(info.lineTable().orElseThrow().addressesFor("helper.c", LineTableTest.lineOf("mixed = mixed * 3 + i;")).isEmpty());
        // readelf would otherwise follow the links and mix the .dwo entries in
        ReadelfInfo expected = new ReadelfInfo(elf, "--debug-dump=info,no-follow-links");
        for (CompilationUnit unit : skeletons) {
            ReadelfInfo.Entry root = expected.entries().stream().filter(e -> e.offset() == unit.root().offset()).findFirst().orElseThrow();
            assertEquals(root.value("DW_AT_dwo_name"), unit.dwoName().orElseThrow());
            assertEquals(root.value("DW_AT_comp_dir"), unit.compDir().orElseThrow());
        }
    }

    @Test
    void executableWithoutDebugInformationSaysWhatIsAbsent() throws Exception {
        DebugInfo info = read(DebugGuests.gccWithoutDebugInfo());
        assertFalse(info.hasDwarf());
        assertTrue(info.units().isEmpty() && info.functions().isEmpty());
        assertTrue(info.lineTable().isEmpty() && info.callFrames().isEmpty());
        assertEquals(3, info.absent().size());
        assertTrue(info.absent().get(0).contains("use ELF symbols"));
    }
}
