package dev.faultline.emulator.disasm;

import dev.faultline.emulator.testing.Toolchain;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@link Symbolizer} that picks symbols as objdump does for an executable, from its "objdump -t"
 * table: debugging, section, file, undefined and mapping symbols are dropped; symbols are sorted
 * by value, then section, then functions before others, globals before locals, then name; an
 * address takes the first of the highest-valued symbols at or below it (preferring one in the
 * section being disassembled), or the lowest symbol of all when none is below it.
 */
final class ObjdumpSymbols implements Symbolizer {

    /** "0000000000010052 g     F .text\t00000000000001aa main". */
    private static final Pattern LINE = Pattern.compile("^([0-9a-f]{16}) (.{7}) (\\S+)\\t([0-9a-f]+) (.*)$");

    private final List<ElfSymbol> sorted;
    private final String section;

    private ObjdumpSymbols(List<ElfSymbol> sorted, String section) {
        this.sorted = sorted;
        this.section = section;
    }

    /** The symbols of an ELF file, for disassembling the named section. */
    static ObjdumpSymbols of(Path elf, String section, List<String> sectionOrder) {
        List<ElfSymbol> symbols = new ArrayList<>();
        for (String line : Toolchain.objdump(elf, "-t").split("\n")) {
            Matcher m = LINE.matcher(line);
            if (m.matches() && keeps(m.group(2), m.group(3), m.group(5))) {
                symbols.add(new ElfSymbol(Long.parseUnsignedLong(m.group(1), 16), m.group(2), m.group(3), m.group(5),
                        sectionOrder.indexOf(m.group(3))));
            }
        }
        symbols.sort(ORDER);
        return new ObjdumpSymbols(List.copyOf(symbols), section);
    }

    /** The value of a symbol, such as __global_pointer$. */
    Optional<Long> valueOf(String name) {
        return sorted.stream().filter(s -> s.name().equals(name)).map(ElfSymbol::value).findFirst();
    }

    /** objdump drops debugging (section and file) symbols, undefined and common ones, and RISC-V mapping symbols. */
    private static boolean keeps(String flags, String section, String name) {
        boolean mapping = name.equals("$x") || name.equals("$d") || name.startsWith("$xrv");
        return !name.isEmpty() && flags.charAt(5) != 'd' && !section.equals("*UND*") && !section.equals("*COM*")
                && !mapping;
    }

    private static final Comparator<ElfSymbol> ORDER = Comparator
            .comparing(ElfSymbol::value, Long::compareUnsigned)
            .thenComparingInt(ElfSymbol::sectionIndex)
            .thenComparing(s -> !s.isFunction())
            .thenComparing(ElfSymbol::isLocal)
            .thenComparing(s -> !s.isGlobal())
            .thenComparing(s -> s.name().startsWith("."))
            .thenComparing(ElfSymbol::name);

    @Override
    public Optional<String> label(long address) {
        if (sorted.isEmpty()) {
            return Optional.empty();
        }
        int place = 0;
        for (int i = 0; i < sorted.size() && Long.compareUnsigned(sorted.get(i).value(), address) <= 0; i++) {
            place = i;
        }
        long value = sorted.get(place).value();
        int first = place;
        while (first > 0 && sorted.get(first - 1).value() == value) {
            first--;
        }
        ElfSymbol chosen = sorted.get(first);
        for (int i = first; i < sorted.size() && sorted.get(i).value() == value; i++) {
            if (sorted.get(i).section().equals(section)) {
                chosen = sorted.get(i);
                break;
            }
        }
        return Optional.of(Symbolizer.offsetLabel(chosen.name(), chosen.value(), address));
    }

    /** One line of objdump -t. */
    private record ElfSymbol(long value, String flags, String section, String name, int sectionIndex) {
        boolean isFunction() {
            return flags.charAt(6) == 'F';
        }

        boolean isLocal() {
            return flags.charAt(0) == 'l';
        }

        boolean isGlobal() {
            return flags.charAt(0) == 'g';
        }
    }
}
