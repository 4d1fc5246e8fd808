package dev.faultline.emulator.disasm;

import dev.faultline.emulator.testing.Toolchain;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Generated machine code in an object file that objdump will disassemble as this hart's ISA: the
 * bytes are pulled into .text with .incbin by the GNU assembler (so the file's RISC-V attributes say
 * rv64imac_zicsr_zifencei, and objdump prints F, D and V encodings as data, as the hart sees them),
 * then all symbols are stripped, so objdump prints plain "0x..." targets.
 */
final class RawCode {

    private static final String OBJCOPY = "riscv64-unknown-elf-objcopy";

    private RawCode() {
    }

    /** Writes the bytes and builds target/guests/disasm/NAME.o from them, with no priv_spec attribute. */
    static Path object(String name, byte[] code) {
        return object(name, code, "");
    }

    /** The same, recording a version of the privileged specification in the file's attributes. */
    static Path object(String name, byte[] code, PrivilegedSpec version) {
        String[] numbers = version.name().substring(1).split("_");
        String revision = numbers.length > 2 ? numbers[2] : "0";
        return object(name, code, String.format("\t.attribute priv_spec, %s%n\t.attribute priv_spec_minor, %s%n"
                + "\t.attribute priv_spec_revision, %s%n", numbers[0], numbers[1], revision));
    }

    private static Path object(String name, byte[] code, String attributes) {
        try {
            Path dir = Toolchain.buildDir().resolve("disasm");
            Files.createDirectories(dir);
            Path bin = dir.resolve(name + ".bin");
            Path source = dir.resolve(name + ".S");
            Path object = dir.resolve(name + ".o");
            Files.write(bin, code);
            Files.writeString(source, attributes + "\t.text\n\t.incbin \"" + bin + "\"\n");
            run(List.of(Toolchain.GCC, "-c", "-march=rv64imac", "-mabi=lp64", "-Wa,-march=rv64imac_zicsr_zifencei",
                    "-o", object.toString(), source.toString()), "gcc-riscv64-unknown-elf");
            run(List.of(OBJCOPY, "--strip-all", object.toString()), "binutils-riscv64-unknown-elf");
            return object;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void run(List<String> command, String debianPackage) {
        Toolchain.ProcessResult result = Toolchain.run(command, Duration.ofMinutes(1), debianPackage);
        if (result.exitCode() != 0) {
            throw new AssertionError(String.join(" ", command) + " failed:\n" + result.stderr());
        }
    }

    /** Little-endian bytes of 32-bit words. */
    static byte[] words(int[] words) {
        byte[] bytes = new byte[4 * words.length];
        for (int i = 0; i < words.length; i++) {
            for (int b = 0; b < 4; b++) {
                bytes[4 * i + b] = (byte) (words[i] >>> (8 * b));
            }
        }
        return bytes;
    }

    /** Little-endian bytes of 16-bit halfwords. */
    static byte[] halfwords(int[] halfwords) {
        byte[] bytes = new byte[2 * halfwords.length];
        for (int i = 0; i < halfwords.length; i++) {
            bytes[2 * i] = (byte) halfwords[i];
            bytes[2 * i + 1] = (byte) (halfwords[i] >>> 8);
        }
        return bytes;
    }
}
