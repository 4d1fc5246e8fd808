package dev.faultline.emulator.dwarf;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Finds the functions with code in a unit's DIE tree: DW_TAG_subprogram and
 * DW_TAG_inlined_subroutine entries that have addresses, named through their origin chain.
 */
final class FunctionCollector {

    private FunctionCollector() {
    }

    static List<Function> collect(CompilationUnit unit) throws DwarfFormatException {
        List<Function> functions = new ArrayList<>();
        Deque<Die> pending = new ArrayDeque<>();
        pending.add(unit.root());
        while (!pending.isEmpty()) {
            Die die = pending.removeFirst();
            if (die.tag() == DwarfTag.SUBPROGRAM || die.tag() == DwarfTag.INLINED_SUBROUTINE) {
                function(die).ifPresent(functions::add);
            }
            pending.addAll(die.children());
        }
        return functions;
    }

    private static Optional<Function> function(Die die) throws DwarfFormatException {
        List<AddressRange> ranges = die.ranges();
        if (ranges.isEmpty()) {
            return Optional.empty();
        }
        String name = die.name().orElse("<anonymous at 0x" + Long.toHexString(die.offset()) + ">");
        FunctionKind kind = die.tag() == DwarfTag.INLINED_SUBROUTINE ? FunctionKind.INLINED : FunctionKind.SUBPROGRAM;
        Optional<String> file = Optional.empty();
        int line = 0;
        for (Die origin : die.origins()) {
            OptionalLong declFile = origin.constant(DwarfAttribute.DECL_FILE);
            if (file.isEmpty() && declFile.isPresent()) {
                file = origin.unit().filePath(declFile.getAsLong());
            }
            OptionalLong declLine = origin.constant(DwarfAttribute.DECL_LINE);
            if (line == 0 && declLine.isPresent()) {
                line = (int) declLine.getAsLong();
            }
        }
        return Optional.of(new Function(name, kind, ranges, file, line, die));
    }
}
