package dev.faultline.emulator.disasm;

import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Names addresses for branch targets and address comments the way objdump does over an ELF file
 * with symbols: "main", "main+0x10", or "_start-0x8" for an address below every symbol. With no
 * symbols at all objdump prints a bare "0x..." address, which is what an empty answer gives.
 */
@FunctionalInterface
public interface Symbolizer {

    /** The label objdump puts between angle brackets after the address, or empty for none. */
    Optional<String> label(long address);

    /** No symbols: every address prints as "0x...". */
    static Symbolizer none() {
        return address -> Optional.empty();
    }

    /**
     * Labels from a symbol table of address to name: the nearest symbol at or below the address,
     * else the lowest symbol above it. Where several symbols share an address the caller chooses
     * which one the map holds.
     */
    static Symbolizer nearest(Map<Long, String> symbols) {
        NavigableMap<Long, String> sorted = new TreeMap<>(Long::compareUnsigned);
        sorted.putAll(symbols);
        return address -> {
            Map.Entry<Long, String> symbol = sorted.floorEntry(address);
            if (symbol == null) {
                symbol = sorted.firstEntry();
            }
            if (symbol == null) {
                return Optional.empty();
            }
            return Optional.of(offsetLabel(symbol.getValue(), symbol.getKey(), address));
        };
    }

    /** "name", "name+0x.." or "name-0x..", as objdump writes a symbol and the distance from it. */
    static String offsetLabel(String name, long symbolAddress, long address) {
        int order = Long.compareUnsigned(address, symbolAddress);
        if (order == 0) {
            return name;
        }
        return order > 0 ? name + "+0x" + Long.toHexString(address - symbolAddress)
                : name + "-0x" + Long.toHexString(symbolAddress - address);
    }
}
