package dev.faultline.dap.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import dev.faultline.emulator.testing.Toolchain;

/** Root tasks for the adapter's tests, built against the kernel bundle's guest SDK as sdk.mk builds them. */
final class Guests {

    private Guests() {
    }

    static Path sdk() {
        return Toolchain.repositoryRoot().resolve("kernel-bundle/src/main/sdk");
    }

    /** examples/NAME/NAME.c at -O2, as `make -C examples` builds it. */
    static Path example(String name) {
        return build("example-" + name, "-O2", Toolchain.repositoryRoot().resolve("examples/" + name + "/" + name + ".c"));
    }

    /** src/test/guest/NAME.c at -O0, so that lines and calls stay where the source has them. */
    static Path testGuest(String name) {
        return build("dap-" + name, "-O0", Toolchain.repositoryRoot().resolve("bundles/dev.faultline.dap/src/test/guest/" + name + ".c"));
    }

    /** src/test/guest/NAME.c at -O2, where variables move between registers as optimised code has them. */
    static Path optimisedTestGuest(String name) {
        return build("dap-" + name + "-O2", "-O2", Toolchain.repositoryRoot().resolve("bundles/dev.faultline.dap/src/test/guest/" + name + ".c"));
    }

    /** A program of the kernel's system-description tests (kernel-bundle/src/test/guest/system/NAME.c) at -O2. */
    static Path systemProgram(String name) {
        return build("dap-system-" + name, "-O2", systemSource(name));
    }

    static Path systemSource(String name) {
        return Toolchain.repositoryRoot().resolve("kernel-bundle/src/test/guest/system/" + name + ".c");
    }

    private static Path build(String name, String optimisation, Path source) {
        List<String> flags = new ArrayList<>(List.of("-march=rv64imac", "-mabi=lp64", "-mcmodel=medany",
                "-ffreestanding", "-nostdlib", "-static", "-Wall", "-Wextra", "-Werror", "-g", optimisation,
                "-I" + sdk().resolve("include"), "-T", sdk().resolve("link.ld").toString()));
        List<Path> sources = List.of(sdk().resolve("crt0.S"), sdk().resolve("printf.c"), source);
        List<Path> dependencies = new ArrayList<>(sources);
        try (Stream<Path> files = Files.walk(sdk())) {
            files.filter(Files::isRegularFile).forEach(dependencies::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Toolchain.compile(name, flags, dependencies, sources);
    }
}
