package dev.faultline.emulator.elf;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The symbols of .symtab indexed for a debugger: by name (function breakpoints) and by address
 * (the {@code <main+0x10>} a disassembly or a backtrace shows).
 */
public final class SymbolTable {

    private static final SymbolTable EMPTY = new SymbolTable(List.of());

    private final List<Symbol> symbols;
    private final Map<String, Symbol> byName = new HashMap<>();
    /** Defined code and data symbols by ascending address, for address lookups. */
    private final List<Symbol> byAddress = new ArrayList<>();

    SymbolTable(List<Symbol> symbols) {
        this.symbols = List.copyOf(symbols);
        for (Symbol symbol : symbols) {
            if (symbol.name().isEmpty()) {
                continue;
            }
            byName.merge(symbol.name(), symbol, SymbolTable::preferred);
            if (symbol.isDefined() && isAddressable(symbol.type())) {
                byAddress.add(symbol);
            }
        }
        byAddress.sort(Comparator.comparing(Symbol::value, Long::compareUnsigned));
    }

    static SymbolTable empty() {
        return EMPTY;
    }

    private static boolean isAddressable(SymbolType type) {
        return type == SymbolType.FUNC || type == SymbolType.OBJECT || type == SymbolType.NOTYPE;
    }

    /** Of two symbols with one name, a defined one beats an undefined one, and a global one a local one. */
    private static Symbol preferred(Symbol first, Symbol second) {
        if (first.isDefined() != second.isDefined()) {
            return first.isDefined() ? first : second;
        }
        return second.binding() == SymbolBinding.GLOBAL && first.binding() != SymbolBinding.GLOBAL ? second : first;
    }

    /** Every entry, in table order (entry 0, the null symbol, included). */
    public List<Symbol> all() {
        return symbols;
    }

    /** The symbol with this name, preferring a defined and global one when several share it. */
    public Optional<Symbol> byName(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /**
     * The symbol whose [value, value + size) contains the address; failing that, the closest
     * zero-sized label below it (assembly entry points like _start have no size).
     */
    public Optional<Symbol> containing(long address) {
        Symbol label = null;
        Symbol sized = null;
        for (Symbol symbol : byAddress) {
            if (Long.compareUnsigned(symbol.value(), address) > 0) {
                break;
            }
            if (symbol.contains(address) && (sized == null || symbol.type() == SymbolType.FUNC)) {
                sized = symbol;
            } else if (symbol.size() == 0 && symbol.type() != SymbolType.OBJECT) {
                label = symbol;
            }
        }
        return Optional.ofNullable(sized != null ? sized : label);
    }

    /** "main+0x10", "main", or the bare hex address when no symbol covers it. */
    public String describe(long address) {
        Optional<Symbol> symbol = containing(address);
        if (symbol.isEmpty()) {
            return "0x" + Long.toHexString(address);
        }
        long offset = address - symbol.get().value();
        return offset == 0 ? symbol.get().name() : symbol.get().name() + "+0x" + Long.toHexString(offset);
    }
}
