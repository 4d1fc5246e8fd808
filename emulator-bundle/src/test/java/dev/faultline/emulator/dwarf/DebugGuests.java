package dev.faultline.emulator.dwarf;

import dev.faultline.emulator.testing.Toolchain;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The guests the ELF and DWARF tests read: src/test/guest/dwarf built by GCC with DWARF 4 and 5 at
 * -O0 and -O2, with .debug_frame or .eh_frame, and by Clang (DWARF 5 with .debug_str_offsets and
 * .debug_addr) linked by GNU ld; plus readelf to compare against.
 */
public final class DebugGuests {

    public static final String READELF = "riscv64-unknown-elf-readelf";
    public static final String CLANG = "clang";
    /** The guests' own entry point, whose stack lies inside the image (see entry.S). */
    private static final String ENTRY = "-Wl,-e,dwarf_guest_start";

    private DebugGuests() {
    }

    public static Path guestDir() {
        return Toolchain.moduleDir().resolve("src/test/guest/dwarf");
    }

    private static Path[] sources() {
        Path dir = guestDir();
        return new Path[] {dir.resolve("entry.S"), dir.resolve("calls.c"), dir.resolve("helper.c")};
    }

    /** -O0, DWARF 4, frame pointer, .debug_frame. */
    public static Path gccDwarf4() {
        return gcc("dwarf-gcc-O0-v4", "-O0", "-g", "-gdwarf-4", "-fno-omit-frame-pointer");
    }

    /** -O2, DWARF 5, .eh_frame (and no .debug_frame). */
    public static Path gccDwarf5Optimised() {
        return gcc("dwarf-gcc-O2-v5", "-O2", "-g", "-gdwarf-5", "-fasynchronous-unwind-tables");
    }

    /** -O2, DWARF 4, .debug_frame: .debug_ranges and inlined functions of DWARF 4. */
    public static Path gccDwarf4Optimised() {
        return gcc("dwarf-gcc-O2-v4", "-O2", "-g", "-gdwarf-4");
    }

    /** -O0, DWARF 5 (GCC's default version). */
    public static Path gccDwarf5() {
        return gcc("dwarf-gcc-O0-v5", "-O0", "-g");
    }

    /** Split DWARF: skeleton units here, the DIEs in .dwo files beside the executable. */
    public static Path gccSplitDwarf() {
        return gcc("dwarf-gcc-O1-split", "-O1", "-g", "-gdwarf-5", "-gsplit-dwarf");
    }

    /** No -g at all: symbols only. */
    public static Path gccWithoutDebugInfo() {
        return gcc("dwarf-gcc-O1-nodebug", "-O1");
    }

    private static Path gcc(String name, String... flags) {
        List<String> extra = new ArrayList<>(List.of(flags));
        extra.add("-I" + guestDir());
        extra.add(ENTRY);
        return Toolchain.compileBare(name, extra, sources());
    }

    /** Clang -O1 DWARF 5 objects, linked with the bare runtime by GNU ld. */
    public static Path clangDwarf5() {
        Path rt = Toolchain.bareRuntime();
        List<Path> objects = new ArrayList<>();
        for (String unit : List.of("calls", "helper")) {
            objects.add(clangObject(unit, rt));
        }
        List<String> flags = new ArrayList<>(Toolchain.BASE_FLAGS);
        flags.addAll(List.of("-T", rt.resolve("bare.ld").toString(), ENTRY));
        List<Path> all = new ArrayList<>(List.of(rt.resolve("start.S"), guestDir().resolve("entry.S")));
        all.addAll(objects);
        List<Path> dependencies = new ArrayList<>(all);
        dependencies.add(rt.resolve("bare.ld"));
        return Toolchain.compile("dwarf-clang-O1-v5", flags, dependencies, all);
    }

    private static Path clangObject(String unit, Path rt) {
        Path source = guestDir().resolve(unit + ".c");
        Path object = Toolchain.buildDir().resolve("dwarf-clang-" + unit + ".o");
        try {
            Files.createDirectories(object.getParent());
            if (Files.exists(object) && Files.getLastModifiedTime(object).compareTo(Files.getLastModifiedTime(source)) > 0) {
                return object;
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        List<String> command = List.of(CLANG, "--target=riscv64-unknown-elf", "-march=rv64imac", "-mabi=lp64",
                "-mcmodel=medany", "-ffreestanding", "-fno-builtin", "-I" + rt, "-I" + guestDir(), "-O1", "-g",
                "-gdwarf-5", "-ffunction-sections", "-c", source.toString(), "-o", object.toString());
        Toolchain.ProcessResult result = Toolchain.run(command, Duration.ofMinutes(2), "clang");
        if (result.exitCode() != 0) {
            throw new AssertionError("clang failed:\n" + String.join(" ", command) + "\n" + result.stderr());
        }
        return object;
    }

    /** Every guest variant, by name, for tests that run over all of them. */
    public static List<Path> all() {
        return List.of(gccDwarf4(), gccDwarf5(), gccDwarf4Optimised(), gccDwarf5Optimised(), clangDwarf5());
    }

    /** readelf's output (-W added so nothing is truncated). */
    public static String readelf(Path elf, String... options) {
        List<String> command = new ArrayList<>(List.of(READELF, "-W"));
        command.addAll(List.of(options));
        command.add(elf.toString());
        Toolchain.ProcessResult result = Toolchain.run(command, Duration.ofMinutes(1), "binutils-riscv64-unknown-elf");
        if (result.exitCode() != 0) {
            throw new AssertionError(String.join(" ", command) + " failed:\n" + result.stderr());
        }
        return result.stdoutText();
    }
}
