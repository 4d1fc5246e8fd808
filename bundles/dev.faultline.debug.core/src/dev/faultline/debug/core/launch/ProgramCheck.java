package dev.faultline.debug.core.launch;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What is wrong with a program path before anything starts, in words for the launch dialog: the
 * adapter would refuse it too, but later and less plainly.
 */
public final class ProgramCheck {

    private static final int EM_RISCV = 243;
    private static final int ELFCLASS64 = 2;

    private ProgramCheck() {
    }

    /** Null when path names a RISC-V 64 ELF or a system description, else the problem. */
    public static String problem(String path) {
        if (path == null || path.isBlank()) {
            return "Name the program: a RISC-V ELF (a root task) or a system description (.system).";
        }
        Path file = Path.of(path);
        if (!Files.exists(file)) {
            return "No such file: " + path;
        }
        if (Files.isDirectory(file)) {
            return path + " is a folder; name an ELF file or a system description.";
        }
        byte[] header = new byte[20];
        int read;
        try (InputStream in = Files.newInputStream(file)) {
            read = in.readNBytes(header, 0, header.length);
        } catch (IOException e) {
            return "Cannot read " + path + ": " + e.getMessage();
        }
        boolean elf = read >= 4 && header[0] == 0x7f && header[1] == 'E' && header[2] == 'L' && header[3] == 'F';
        if (!elf) {
            return path.endsWith(".system") ? null
                    : path + " is neither an ELF file nor a system description (a .system file).";
        }
        if (read < 20 || header[4] != ELFCLASS64 || ((header[18] & 0xff) | (header[19] & 0xff) << 8) != EM_RISCV) {
            return path + " is an ELF file for another machine; Faultline runs 64-bit RISC-V (RV64) programs.";
        }
        return null;
    }
}
