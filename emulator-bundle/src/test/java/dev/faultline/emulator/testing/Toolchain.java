package dev.faultline.emulator.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The RISC-V GNU toolchain and qemu-riscv64 as tests use them: compiles guests into
 * target/guests (only when a source is newer), disassembles with objdump, runs under qemu.
 * A missing tool fails the test with the Debian package to install; it never skips.
 */
public final class Toolchain {

    public static final String GCC = "riscv64-unknown-elf-gcc";
    public static final String OBJDUMP = "riscv64-unknown-elf-objdump";
    public static final String QEMU = "qemu-riscv64";

    /** Flags every guest is built with: the hart's ISA, freestanding, static. */
    public static final List<String> BASE_FLAGS = List.of("-march=rv64imac", "-mabi=lp64", "-mcmodel=medany",
            "-ffreestanding", "-nostdlib", "-static", "-fno-builtin",
            // csr* and fence.i in assembly, without upsetting GCC 12's multilib selection
            "-Wa,-march=rv64imac_zicsr_zifencei");

    private Toolchain() {
    }

    /** The repository's root: the nearest folder up from the working directory that holds the emulator bundle. */
    public static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("emulator-bundle/src/main/guest"))) {
                return dir;
            }
        }
        throw new AssertionError("no emulator-bundle/src/main/guest above " + Path.of("").toAbsolutePath());
    }

    /** The emulator module's folder. */
    public static Path moduleDir() {
        return repositoryRoot().resolve("emulator-bundle");
    }

    /** The bare runtime shipped with the emulator: start.S, bare.ld, bare.h. */
    public static Path bareRuntime() {
        return moduleDir().resolve("src/main/guest/bare");
    }

    /** Where compiled guests go: target/guests of the module whose tests run. */
    public static Path buildDir() {
        return Path.of("target/guests").toAbsolutePath();
    }

    /**
     * Builds a bare guest (Linux write/exit only) from C and assembly sources, linked with the
     * bare runtime, into target/guests/NAME.elf. Extra flags go before the sources (-O0, -g...).
     */
    public static Path compileBare(String name, List<String> extraFlags, Path... sources) {
        Path rt = bareRuntime();
        List<String> flags = new ArrayList<>(BASE_FLAGS);
        flags.add("-I" + rt);
        flags.add("-T");
        flags.add(rt.resolve("bare.ld").toString());
        flags.addAll(extraFlags);
        List<Path> all = new ArrayList<>();
        all.add(rt.resolve("start.S"));
        all.addAll(Arrays.asList(sources));
        List<Path> inputs = new ArrayList<>(all);
        inputs.add(rt.resolve("bare.ld"));
        inputs.add(rt.resolve("bare.h"));
        return compile(name, flags, inputs, all);
    }

    /**
     * Builds NAME.elf from sources with exactly these flags (plus -lgcc), unless an earlier
     * build with the same command line is newer than every dependency.
     */
    public static Path compile(String name, List<String> flags, List<Path> dependencies, List<Path> sources) {
        Path out = buildDir().resolve(name + ".elf");
        Path recipe = buildDir().resolve(name + ".elf.cmd");
        List<String> command = new ArrayList<>();
        command.add(GCC);
        command.addAll(flags);
        command.add("-o");
        command.add(out.toString());
        sources.forEach(s -> command.add(s.toString()));
        command.add("-lgcc");
        String commandLine = String.join(" ", command);
        try {
            Files.createDirectories(out.getParent());
            if (upToDate(out, dependencies) && Files.exists(recipe) && Files.readString(recipe).equals(commandLine)) {
                return out;
            }
            ProcessResult result = run(command, Duration.ofMinutes(2), "gcc-riscv64-unknown-elf");
            if (result.exitCode() != 0) {
                throw new AssertionError("compiling " + name + " failed:\n" + commandLine + "\n" + result.stderr());
            }
            Files.writeString(recipe, commandLine);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean upToDate(Path out, List<Path> dependencies) throws IOException {
        if (!Files.exists(out)) {
            return false;
        }
        FileTime built = Files.getLastModifiedTime(out);
        for (Path dependency : dependencies) {
            if (Files.getLastModifiedTime(dependency).compareTo(built) > 0) {
                return false;
            }
        }
        return true;
    }

    /** Where {@link #assemble} links snippets: their labels and pc-relative references assume it. */
    public static final long SNIPPET_ADDRESS = 0x10000;

    /**
     * Assembles and links a snippet of RISC-V assembly at {@link #SNIPPET_ADDRESS} into flat
     * bytes (its .text), for tests that place code themselves. Built once per distinct source.
     */
    public static byte[] assemble(String source) {
        // The name covers the recipe too, so a changed recipe never reuses an old build.
        String recipe = "linked@" + Long.toHexString(SNIPPET_ADDRESS) + "\n" + source;
        String name = "snippet-" + Integer.toHexString(recipe.hashCode());
        Path dir = buildDir().resolve("snippets");
        Path asm = dir.resolve(name + ".S");
        Path object = dir.resolve(name + ".elf");
        Path flat = dir.resolve(name + ".bin");
        try {
            Files.createDirectories(dir);
            if (!Files.exists(flat) || !source.equals(Files.readString(asm))) {
                Files.writeString(asm, source);
                List<String> compile = List.of(GCC, "-march=rv64imac_zicsr_zifencei", "-mabi=lp64", "-nostdlib", "-static",
                        "-Wl,--no-relax", "-Wl,-Ttext=0x" + Long.toHexString(SNIPPET_ADDRESS),
                        "-Wl,-e,0x" + Long.toHexString(SNIPPET_ADDRESS), "-o", object.toString(), asm.toString());
                ProcessResult compiled = run(compile, Duration.ofMinutes(1), "gcc-riscv64-unknown-elf");
                if (compiled.exitCode() != 0) {
                    throw new AssertionError("assembling failed:\n" + source + "\n" + compiled.stderr());
                }
                ProcessResult copied = run(List.of("riscv64-unknown-elf-objcopy", "-O", "binary", "-j", ".text",
                        object.toString(), flat.toString()), Duration.ofMinutes(1), "binutils-riscv64-unknown-elf");
                if (copied.exitCode() != 0) {
                    throw new AssertionError("objcopy failed: " + copied.stderr());
                }
            }
            return Files.readAllBytes(flat);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** objdump's text for an ELF, for example objdump(elf, "-d", "-M", "no-aliases"). */
    public static String objdump(Path elf, String... options) {
        List<String> command = new ArrayList<>();
        command.add(OBJDUMP);
        command.addAll(Arrays.asList(options));
        command.add(elf.toString());
        ProcessResult result = run(command, Duration.ofMinutes(1), "binutils-riscv64-unknown-elf");
        if (result.exitCode() != 0) {
            throw new AssertionError(String.join(" ", command) + " failed:\n" + result.stderr());
        }
        return result.stdoutText();
    }

    /** Runs a bare guest under qemu-riscv64 (user mode, Linux ABI). */
    public static ProcessResult qemu(Path elf, Duration timeout) {
        return run(List.of(QEMU, elf.toString()), timeout, "qemu-user");
    }

    /** Runs a command, collecting its output; a missing program names its Debian package. */
    public static ProcessResult run(List<String> command, Duration timeout, String debianPackage) {
        Process process;
        try {
            process = new ProcessBuilder(command).start();
        } catch (IOException e) {
            throw new AssertionError(command.get(0) + " could not be started (Debian package " + debianPackage
                    + "; .ci/packages lists it): " + e.getMessage(), e);
        }
        CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
        CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not finish within " + timeout);
            }
            return new ProcessResult(process.exitValue(), out.join(), new String(err.join(), StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static byte[] readAll(InputStream in) {
        try (in) {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            in.transferTo(buffer);
            return buffer.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A finished process: its status, stdout bytes and stderr text. */
    public record ProcessResult(int exitCode, byte[] stdout, String stderr) {
        public String stdoutText() {
            return new String(stdout, StandardCharsets.UTF_8);
        }
    }
}
