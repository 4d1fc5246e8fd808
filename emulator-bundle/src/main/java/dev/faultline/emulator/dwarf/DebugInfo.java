package dev.faultline.emulator.dwarf;

import dev.faultline.emulator.elf.ElfFile;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a source-level debugger knows of an executable from DWARF (versions 4 and 5): units and
 * their DIE trees, functions, the line table and call frame information, each present or absent.
 * No DWARF at all is not an error; {@link #absent()} says what a debugger must do without.
 */
public final class DebugInfo {

    private final DwarfSections sections;
    private final List<CompilationUnit> units;
    private final Map<Long, Die> dies;
    private final LineTable lineTable;
    private final List<Function> functions;
    private final CallFrameInfo callFrames;

    private DebugInfo(DwarfSections sections, List<CompilationUnit> units, Map<Long, Die> dies, LineTable lineTable,
            List<Function> functions, CallFrameInfo callFrames) {
        this.sections = sections;
        this.units = List.copyOf(units);
        this.dies = dies;
        this.lineTable = lineTable;
        this.functions = List.copyOf(functions);
        this.callFrames = callFrames;
    }

    /** Reads the debugging sections of an ELF file (RV64: 8-byte addresses). */
    public static DebugInfo read(ElfFile elf) throws DwarfFormatException {
        return read(DwarfSections.from(elf));
    }

    /** Reads the given sections; malformed data of any present section is a {@link DwarfFormatException}. */
    public static DebugInfo read(DwarfSections sections) throws DwarfFormatException {
        Map<Long, Die> dies = new HashMap<>();
        List<CompilationUnit> units = sections.has(".debug_info") ? DebugInfoReader.read(sections, dies) : List.of();
        LineTable lines = null;
        if (sections.has(".debug_line")) {
            lines = LineTable.read(sections.get(".debug_line").orElseThrow(), sections, compDirs(units));
            attachLineHeaders(units, lines);
        }
        List<Function> functions = new ArrayList<>();
        for (CompilationUnit unit : units) {
            functions.addAll(FunctionCollector.collect(unit));
        }
        functions.sort(Comparator.comparing(Function::lowPc, Long::compareUnsigned));
        CallFrameInfo frames = CallFrameInfo.read(sections, 8).orElse(null);
        return new DebugInfo(sections, units, java.util.Collections.unmodifiableMap(dies), lines, functions, frames);
    }

    private static Map<Long, String> compDirs(List<CompilationUnit> units) {
        Map<Long, String> dirs = new LinkedHashMap<>();
        for (CompilationUnit unit : units) {
            Optional<AttributeValue> stmtList = unit.root().attribute(DwarfAttribute.STMT_LIST);
            if (stmtList.isPresent() && unit.compDir().isPresent()) {
                dirs.putIfAbsent(stmtList.get().value(), unit.compDir().get());
            }
        }
        return dirs;
    }

    private static void attachLineHeaders(List<CompilationUnit> units, LineTable lines) {
        Map<Long, LineProgramHeader> byOffset = new HashMap<>();
        for (LineProgramHeader header : lines.headers()) {
            byOffset.put(header.offset(), header);
        }
        for (CompilationUnit unit : units) {
            unit.root().attribute(DwarfAttribute.STMT_LIST)
                    .map(value -> byOffset.get(value.value()))
                    .ifPresent(unit::setLineHeader);
        }
    }

    /** Whether any debugging section was found. */
    public boolean hasDwarf() {
        return !sections.names().isEmpty();
    }

    /** What is missing and what a debugger loses with it; empty when everything is there. */
    public List<String> absent() {
        List<String> missing = new ArrayList<>();
        if (units.isEmpty()) {
            missing.add("no .debug_info: no compilation units, functions or variables (use ELF symbols)");
        }
        for (CompilationUnit unit : units) {
            if (unit.dwoName().isPresent()) {
                missing.add("split DWARF: the functions and variables of " + unit.name().orElse("a unit") + " are in "
                        + unit.dwoName().get() + ", which is not read (build without -gsplit-dwarf)");
            }
        }
        if (lineTable == null) {
            missing.add("no .debug_line: no source lines (breakpoints and stepping by instruction only)");
        }
        if (callFrames == null) {
            missing.add("no .debug_frame or .eh_frame: no CFI unwinding (fall back to the frame pointer)");
        }
        return missing;
    }

    public DwarfSections sections() {
        return sections;
    }

    public List<CompilationUnit> units() {
        return units;
    }

    /** The compilation unit whose ranges cover the pc. */
    public Optional<CompilationUnit> unitAt(long pc) {
        return units.stream().filter(u -> u.ranges().stream().anyMatch(r -> r.contains(pc))).findFirst();
    }

    /** The entry at a .debug_info offset. */
    public Optional<Die> dieAt(long offset) {
        return Optional.ofNullable(dies.get(offset));
    }

    public Optional<LineTable> lineTable() {
        return Optional.ofNullable(lineTable);
    }

    public Optional<CallFrameInfo> callFrames() {
        return Optional.ofNullable(callFrames);
    }

    /** Every function instance with code, out-of-line and inlined, by ascending low pc. */
    public List<Function> functions() {
        return functions;
    }

    /** The function instances covering the pc, outermost first (the out-of-line function, then inlined copies). */
    public List<Function> functionsAt(long pc) {
        List<Function> found = new ArrayList<>();
        for (Function function : functions) {
            if (function.contains(pc)) {
                found.add(function);
            }
        }
        found.sort(Comparator.comparingInt((Function f) -> depth(f.die())));
        return found;
    }

    private static int depth(Die die) {
        int depth = 0;
        for (Optional<Die> parent = die.parent(); parent.isPresent(); parent = parent.get().parent()) {
            depth++;
        }
        return depth;
    }

    /** The out-of-line function with this name (DW_TAG_subprogram with code). */
    public Optional<Function> function(String name) {
        return functions.stream().filter(f -> f.kind() == FunctionKind.SUBPROGRAM && f.name().equals(name)).findFirst();
    }
}
