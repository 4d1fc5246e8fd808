package dev.faultline.emulator.disasm;

import dev.faultline.emulator.testing.Toolchain;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a disassembly test needs of a compiled guest, read with binutils: the .text section's
 * address and bytes, the section order, and the privileged-specification version its attributes
 * record.
 */
record GuestElf(Path path, long textAddress, byte[] text, List<String> sections, PrivilegedSpec privilegedSpec) {

    /** "  0 .text         00000316  0000000000010000  0000000000010000  00001000  2**1". */
    private static final Pattern SECTION = Pattern.compile("^\\s*\\d+ (\\S+)\\s+[0-9a-f]+\\s+([0-9a-f]+) .*$");
    private static final Pattern PRIV = Pattern.compile("Tag_RISCV_priv_spec(_minor|_revision)?: (\\d+)");

    static GuestElf read(Path elf) {
        List<String> sections = new ArrayList<>();
        long textAddress = -1;
        for (String line : Toolchain.objdump(elf, "-h").split("\n")) {
            Matcher m = SECTION.matcher(line);
            if (m.matches()) {
                sections.add(m.group(1));
                if (m.group(1).equals(".text")) {
                    textAddress = Long.parseUnsignedLong(m.group(2), 16);
                }
            }
        }
        return new GuestElf(elf, textAddress, textBytes(elf), List.copyOf(sections), privilegedSpec(elf));
    }

    private static byte[] textBytes(Path elf) {
        try {
            Path bin = Files.createTempFile("text", ".bin");
            run(List.of("riscv64-unknown-elf-objcopy", "-O", "binary", "--only-section=.text", elf.toString(),
                    bin.toString()));
            byte[] bytes = Files.readAllBytes(bin);
            Files.delete(bin);
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static PrivilegedSpec privilegedSpec(Path elf) {
        int[] version = {0, 0, 0};
        Matcher m = PRIV.matcher(run(List.of("riscv64-unknown-elf-readelf", "-A", elf.toString())));
        boolean recorded = false;
        while (m.find()) {
            int index = m.group(1) == null ? 0 : m.group(1).equals("_minor") ? 1 : 2;
            version[index] = Integer.parseInt(m.group(2));
            recorded = true;
        }
        return recorded ? PrivilegedSpec.fromAttributes(version[0], version[1], version[2]) : PrivilegedSpec.latest();
    }

    private static String run(List<String> command) {
        Toolchain.ProcessResult result = Toolchain.run(command, Duration.ofMinutes(1), "binutils-riscv64-unknown-elf");
        if (result.exitCode() != 0) {
            throw new AssertionError(String.join(" ", command) + " failed:\n" + result.stderr());
        }
        return result.stdoutText();
    }
}
