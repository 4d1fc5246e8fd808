package dev.faultline.emulator.disasm;

import dev.faultline.emulator.testing.Toolchain;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The instruction lines of a live {@code objdump -d} run, as (address, text) pairs: the text is
 * everything after the bytes column. Symbol headers, blank lines and the continuation lines of long
 * byte columns are skipped.
 */
final class ObjdumpListing {

    /** "   1012c:\t1141                \taddi\tsp,sp,-16": address, bytes column, then the text. */
    private static final Pattern LINE = Pattern.compile("^\\s*([0-9a-f]+):\\t[0-9a-f ]+\\t(.*)$");

    private ObjdumpListing() {
    }

    /** objdump -d of an ELF (object or executable), in the given syntax. */
    static List<DisassembledInstruction> of(Path elf, Syntax syntax) {
        String output = syntax == Syntax.ALIASES
                ? Toolchain.objdump(elf, "-d")
                : Toolchain.objdump(elf, "-d", "-M", "no-aliases");
        return parse(output);
    }

    static List<DisassembledInstruction> parse(String output) {
        List<DisassembledInstruction> lines = new ArrayList<>();
        for (String line : output.split("\n")) {
            Matcher matcher = LINE.matcher(line);
            if (matcher.matches()) {
                long address = Long.parseUnsignedLong(matcher.group(1), 16);
                lines.add(new DisassembledInstruction(address, 0, matcher.group(2)));
            }
        }
        return lines;
    }
}
