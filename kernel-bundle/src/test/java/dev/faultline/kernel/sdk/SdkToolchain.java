package dev.faultline.kernel.sdk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import dev.faultline.emulator.testing.Toolchain;
import dev.faultline.emulator.testing.Toolchain.ProcessResult;

/** Where the guest SDK and its test guests live, and how the SDK tests build against it with the RISC-V toolchain. */
public final class SdkToolchain {

    static final String GXX = "riscv64-unknown-elf-g++";

    /** The flags of sdk.mk, plus warnings as errors: a header that warns fails the build. */
    static final List<String> GUEST_FLAGS = List.of("-march=rv64imac", "-mabi=lp64", "-mcmodel=medany",
            "-ffreestanding", "-nostdlib", "-static", "-Wall", "-Wextra", "-Werror", "-g");

    /** The languages every header must compile in. */
    enum Language {
        C11(Toolchain.GCC, "-std=c11", "-xc"),
        GNU11(Toolchain.GCC, "-std=gnu11", "-xc"),
        CXX17(GXX, "-std=c++17", "-xc++");

        final String compiler;
        final String standard;
        final String language;

        Language(String compiler, String standard, String language) {
            this.compiler = compiler;
            this.standard = standard;
            this.language = language;
        }
    }

    private SdkToolchain() {
    }

    static Path sdk() {
        return Toolchain.repositoryRoot().resolve("kernel-bundle/src/main/sdk");
    }

    static Path include() {
        return sdk().resolve("include");
    }

    static Path guestSources() {
        return Toolchain.repositoryRoot().resolve("kernel-bundle/src/test/guest/sdk");
    }

    /** Every header of the SDK, relative to include/ ("sel4/types.h"), in a stable order. */
    static List<String> headers() {
        try (Stream<Path> files = Files.walk(include())) {
            return files.filter(p -> p.toString().endsWith(".h"))
                    .map(p -> include().relativize(p).toString().replace('\\', '/'))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Builds NAME-OPT.elf from test guest sources linked with crt0.S, printf.c and link.ld,
     * at optimisation opt ("-O0", "-O2"); rebuilt whenever any SDK or guest file changed.
     */
    static Path buildGuest(String name, String opt, String... guestFiles) {
        List<String> flags = new ArrayList<>(GUEST_FLAGS);
        flags.add(opt);
        flags.add("-I" + include());
        flags.add("-T");
        flags.add(sdk().resolve("link.ld").toString());
        List<Path> sources = new ArrayList<>(List.of(sdk().resolve("crt0.S"), sdk().resolve("printf.c")));
        Arrays.stream(guestFiles).map(guestSources()::resolve).forEach(sources::add);
        List<Path> dependencies = new ArrayList<>(allFiles(sdk()));
        dependencies.addAll(allFiles(guestSources()));
        return Toolchain.compile("sdk-" + name + opt, flags, dependencies, sources);
    }

    /**
     * Builds NAME.elf from C sources anywhere (examples, kernel test guests), linked with the
     * SDK's crt0.S, printf.c and link.ld at -O2; rebuilt whenever an SDK file or a source changed.
     */
    public static Path buildProgram(String name, Path... sources) {
        List<String> flags = new ArrayList<>(GUEST_FLAGS);
        flags.add("-O2");
        flags.add("-I" + include());
        flags.add("-T");
        flags.add(sdk().resolve("link.ld").toString());
        List<Path> all = new ArrayList<>(List.of(sdk().resolve("crt0.S"), sdk().resolve("printf.c")));
        all.addAll(Arrays.asList(sources));
        List<Path> dependencies = new ArrayList<>(allFiles(sdk()));
        dependencies.addAll(Arrays.asList(sources));
        for (Path source : sources) {
            dependencies.addAll(localIncludes(source));
        }
        return Toolchain.compile(name, flags, dependencies, all);
    }

    private static final java.util.regex.Pattern LOCAL_INCLUDE = java.util.regex.Pattern.compile(
            "^\\s*#\\s*include\\s+\"([^\"]+)\"", java.util.regex.Pattern.MULTILINE);

    /** The files a source includes with #include "...", relative to its folder (examples/common's headers). */
    private static List<Path> localIncludes(Path source) {
        try {
            return LOCAL_INCLUDE.matcher(java.nio.file.Files.readString(source)).results()
                    .map(m -> source.getParent().resolve(m.group(1))).filter(java.nio.file.Files::isRegularFile).toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Compiles source (syntax and warnings only) in the language, with the SDK's include path. */
    static ProcessResult check(Language language, Path source, String... extraFlags) {
        List<String> command = new ArrayList<>(List.of(language.compiler, "-march=rv64imac", "-mabi=lp64",
                "-ffreestanding", "-Wall", "-Wextra", "-Werror", language.standard, "-I" + include(),
                "-fsyntax-only"));
        command.addAll(Arrays.asList(extraFlags));
        command.add(language.language);
        command.add(source.toString());
        return Toolchain.run(command, Duration.ofMinutes(1), "gcc-riscv64-unknown-elf");
    }

    /** Writes a generated translation unit under target/guests/sdk-units. */
    static Path unit(String name, String text) {
        Path file = Toolchain.buildDir().resolve("sdk-units").resolve(name);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> allFiles(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
