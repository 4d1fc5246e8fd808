package dev.faultline.emulator.difftest;

import dev.faultline.emulator.testing.Toolchain;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One self-checking ISA guest of src/test/guest/isa, as a line of guests.properties names it
 * ({@code name = source [gcc flags...]}): it must print {@code PASS <program> (<k> cases)}
 * and exit 0, under qemu and under Faultline alike.
 */
public record IsaGuest(String name, String source, List<String> flags) {

    /** The file listing the self-checking guests. */
    public static final String MANIFEST = "guests.properties";

    /** The folder of the ISA guests, their headers and manifests. */
    public static Path isaDir() {
        return Toolchain.moduleDir().resolve("src/test/guest/isa");
    }

    /** Every guest of guests.properties, in file order. */
    public static List<IsaGuest> all() {
        List<IsaGuest> guests = new ArrayList<>();
        for (ManifestLine line : ManifestLine.read(isaDir().resolve(MANIFEST))) {
            String[] words = line.value().trim().split("\\s+");
            guests.add(new IsaGuest(line.key(), words[0], List.of(Arrays.copyOfRange(words, 1, words.length))));
        }
        return guests;
    }

    /** The program name the guest prints: its source file name without the extension. */
    public String program() {
        return source.substring(0, source.lastIndexOf('.'));
    }

    /** The exact line a passing run writes, with its case count left as a pattern. */
    public String passPattern() {
        return "PASS " + program() + " \\((\\d+) cases\\)\n";
    }

    /** Builds the guest with the bare runtime into target/guests/isa-NAME.elf. */
    public Path build() {
        return GuestBuild.compile("isa-" + name, isaDir().resolve(source), flags);
    }
}
