package dev.faultline.emulator.difftest;

import dev.faultline.emulator.testing.Toolchain;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The symbol table of a guest ELF as objdump -t prints it: name to address. Enough for the
 * tests to find trap_here and the symbols of tval rules without the emulator's ELF reader.
 */
final class ElfSymbols {

    private ElfSymbols() {
    }

    /** Every named symbol of the ELF; a name defined twice keeps its first address. */
    static Map<String, Long> read(Path elf) {
        Map<String, Long> symbols = new HashMap<>();
        for (String line : Toolchain.objdump(elf, "-t").split("\n")) {
            // "0000000000010020 g       .text  0000000000000000 trap_here"
            String[] words = line.trim().split("\\s+");
            if (words.length < 4 || !words[0].matches("[0-9a-f]{16}")) {
                continue;
            }
            symbols.putIfAbsent(words[words.length - 1], Long.parseUnsignedLong(words[0], 16));
        }
        return symbols;
    }
}
