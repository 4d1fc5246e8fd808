package dev.faultline.emulator.difftest;

import dev.faultline.emulator.testing.Toolchain;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Builds a bare guest from one source of the isa folder, like Toolchain.compileBare, but also
 * rebuilding when a header of the isa folder changes (compileBare only knows its sources, and
 * a header passed as a source would be compiled on its own).
 */
final class GuestBuild {

    private GuestBuild() {
    }

    /** target/guests/NAME.elf from the bare runtime and SOURCE, with the isa folder on the include path. */
    static Path compile(String name, Path source, List<String> extraFlags) {
        if (!Files.isRegularFile(source)) {
            throw new UncheckedIOException(new IOException("no guest source " + source));
        }
        Path rt = Toolchain.bareRuntime();
        List<String> flags = new ArrayList<>(Toolchain.BASE_FLAGS);
        flags.add("-I" + rt);
        flags.add("-I" + IsaGuest.isaDir());
        flags.add("-I" + source.getParent());
        flags.add("-T");
        flags.add(rt.resolve("bare.ld").toString());
        flags.addAll(extraFlags);
        List<Path> sources = List.of(rt.resolve("start.S"), source);
        List<Path> dependencies = new ArrayList<>(sources);
        dependencies.add(rt.resolve("bare.ld"));
        dependencies.add(rt.resolve("bare.h"));
        dependencies.addAll(headers(IsaGuest.isaDir()));
        dependencies.addAll(headers(source.getParent()));
        return Toolchain.compile(name, flags, dependencies, sources);
    }

    private static List<Path> headers(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".h")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
