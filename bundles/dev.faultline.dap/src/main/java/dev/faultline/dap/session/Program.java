package dev.faultline.dap.session;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.faultline.emulator.disasm.Disassembler;
import dev.faultline.emulator.disasm.Symbolizer;
import dev.faultline.emulator.disasm.Syntax;
import dev.faultline.emulator.dwarf.DebugInfo;
import dev.faultline.emulator.dwarf.Die;
import dev.faultline.emulator.dwarf.DwarfFormatException;
import dev.faultline.emulator.dwarf.DwarfTag;
import dev.faultline.emulator.dwarf.Function;
import dev.faultline.emulator.dwarf.LineRow;
import dev.faultline.emulator.dwarf.LineTable;
import dev.faultline.emulator.elf.ElfFile;
import dev.faultline.emulator.elf.Symbol;
import dev.faultline.emulator.elf.SymbolType;

/**
 * One program image of the machine (the root task, or a program of a system description) with
 * what a debugger reads from it: symbols, the DWARF line table and call frame information, and a
 * disassembler that names addresses by its symbols.
 */
public final class Program {

    private final String name;
    private final Path path;
    private final ElfFile elf;
    private final DebugInfo debugInfo;
    private final String debugInfoProblem;
    private final Disassembler disassembler;
    /** functionsAt's and variableNamesAt's answers, by address; bounded, since any address can be asked. */
    private final Map<Long, List<Function>> functions = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<Long, Set<String>> variableNames = new java.util.concurrent.ConcurrentHashMap<>();
    private static final int MAX_CACHED_ADDRESSES = 4096;
    private volatile Map<String, Die> globalVariables;
    private volatile Map<String, Die> types;

    public Program(String name, Path path, ElfFile elf) {
        this.name = name;
        this.path = path;
        this.elf = elf;
        DebugInfo info = null;
        String problem = null;
        try {
            info = DebugInfo.read(elf);
        } catch (DwarfFormatException e) {
            problem = e.getMessage();
        }
        this.debugInfo = info;
        this.debugInfoProblem = problem;
        Map<Long, String> labels = new HashMap<>();
        for (Symbol symbol : elf.symbols().all()) {
            if (symbol.isDefined() && !symbol.name().isEmpty()
                    && (symbol.type() == SymbolType.FUNC || !labels.containsKey(symbol.value()))) {
                labels.put(symbol.value(), symbol.name());
            }
        }
        this.disassembler = new Disassembler(Syntax.ALIASES, Symbolizer.nearest(labels));
    }

    public String name() {
        return name;
    }

    public Path path() {
        return path;
    }

    public ElfFile elf() {
        return elf;
    }

    public Disassembler disassembler() {
        return disassembler;
    }

    /** The DWARF of the image; empty when it has none or it could not be read ({@link #symbolStatus}). */
    public Optional<DebugInfo> debugInfo() {
        return Optional.ofNullable(debugInfo);
    }

    /** What a modules view says of the image's debugging information. */
    public String symbolStatus() {
        if (debugInfoProblem != null) {
            return "DWARF unreadable: " + debugInfoProblem;
        }
        return debugInfo.hasDwarf() ? "DWARF loaded" : "symbols only (no DWARF)";
    }

    public Optional<LineTable> lineTable() {
        return debugInfo().flatMap(DebugInfo::lineTable);
    }

    /** The source position of an address, when the line table covers it with a real line. */
    public Optional<LineRow> lineAt(long address) {
        return lineTable().flatMap(table -> table.rowAt(address)).filter(row -> row.line() > 0);
    }

    /** The DWARF function instances covering an address, outermost first (inlined copies after their callers). */
    public List<Function> functionsAt(long address) {
        return cached(functions, address, a -> debugInfo().map(info -> info.functionsAt(a)).orElse(List.of()));
    }

    /** A bounded cache of what is asked by address (at every stop, and at every hit of a condition that names a variable). */
    private static <T> T cached(Map<Long, T> cache, long address, java.util.function.LongFunction<T> compute) {
        T value = cache.get(address);
        if (value == null) {
            if (cache.size() >= MAX_CACHED_ADDRESSES) {
                cache.clear();
            }
            value = compute.apply(address);
            cache.put(address, value);
        }
        return value;
    }

    /**
     * The names of the parameters and variables the function instances at an address declare, in
     * any of their blocks: whether an expression's name can be a local there, asked at each
     * breakpoint hit, so kept per address.
     */
    public Set<String> variableNamesAt(long address) {
        return cached(variableNames, address, a -> {
            Set<String> names = new HashSet<>();
            try {
                for (Function function : functionsAt(a)) {
                    collectNames(function.die(), names);
                }
            } catch (DwarfFormatException e) {
                // An unreadable entry declares nothing an expression can use.
            }
            return names;
        });
    }

    private static void collectNames(Die scope, Set<String> names) throws DwarfFormatException {
        for (Die child : scope.children()) {
            if (child.tag() == DwarfTag.FORMAL_PARAMETER || child.tag() == DwarfTag.VARIABLE) {
                child.name().ifPresent(names::add);
            } else if (child.tag() == DwarfTag.LEXICAL_BLOCK) {
                collectNames(child, names);
            }
        }
    }

    /** The variables the program's compilation units define at file scope, by name; read once. */
    public Map<String, Die> globalVariables() {
        Map<String, Die> index = globalVariables;
        if (index == null) {
            index = debugInfo().map(Globals::index).orElse(Map.of());
            globalVariables = index;
        }
        return index;
    }

    /**
     * The type a cast names: a struct, union or enum tag ("struct shape"), a typedef, or an integer
     * type in gcc's spelling, made when the program does not use it; empty when none has the name.
     */
    public Optional<Die> type(String name) {
        Map<String, Die> index = types;
        if (index == null) {
            index = debugInfo().map(CTypes::index).orElse(Map.of());
            types = index;
        }
        Die type = index.get(name);
        return type != null ? Optional.of(type) : CTypes.madeInteger(name);
    }

    /** The name of the function at an address: DWARF's innermost instance, else the ELF symbol. */
    public Optional<String> functionAt(long address) {
        List<Function> functions = functionsAt(address);
        if (!functions.isEmpty()) {
            return Optional.of(functions.get(functions.size() - 1).name());
        }
        // A label without a size (_end, a section's end) names only addresses inside the image.
        boolean inImage = elf.loadSegments().stream().anyMatch(segment -> segment.contains(address));
        return elf.symbols().containing(address).filter(symbol -> inImage || symbol.contains(address)).map(Symbol::name);
    }

    /**
     * The addresses a breakpoint on file:line stops at: the first line at or after it, within a
     * few lines, that has statement rows (a breakpoint on a comment moves to the code below it).
     */
    public Optional<ResolvedLine> resolveLine(String file, int line) {
        Optional<LineTable> table = lineTable();
        if (table.isEmpty()) {
            return Optional.empty();
        }
        for (int candidate = line; candidate < line + LINE_SEARCH; candidate++) {
            List<Long> addresses = firstInEachFunction(table.get().addressesFor(file, candidate));
            if (!addresses.isEmpty()) {
                int found = candidate;
                String path = table.get().resolveFile(file).stream()
                        .filter(recorded -> !table.get().addressesFor(recorded, found).isEmpty()).findFirst().orElse(file);
                return Optional.of(new ResolvedLine(path, candidate, addresses));
            }
        }
        return Optional.empty();
    }

    /**
     * The lowest address of the line in each function: a line's later statement rows (the rest of
     * a statement after a call returns, a loop's condition) are not where a user means to stop, as
     * gdb places one location per function.
     */
    private List<Long> firstInEachFunction(List<Long> addresses) {
        Map<Long, Long> first = new java.util.TreeMap<>(Long::compareUnsigned);
        for (long address : addresses) {
            long function = elf.symbols().containing(address).map(Symbol::value).orElse(address);
            first.merge(function, address, (a, b) -> Long.compareUnsigned(a, b) <= 0 ? a : b);
        }
        return first.values().stream().sorted(Long::compareUnsigned).toList();
    }

    /** How far below a requested line a breakpoint may move to find code. */
    private static final int LINE_SEARCH = 20;

    /** A source line resolved to code: the file as the line table records it, the line the breakpoint moved to, its addresses. */
    public record ResolvedLine(String file, int line, List<Long> addresses) {
    }

    /** The address of a symbol by name (a function breakpoint, an expression's symbol). */
    public Optional<Long> symbolAddress(String symbol) {
        return elf.symbols().byName(symbol).filter(Symbol::isDefined).map(Symbol::value);
    }
}
