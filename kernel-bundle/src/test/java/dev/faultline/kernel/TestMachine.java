package dev.faultline.kernel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.faultline.emulator.elf.ElfFile;
import dev.faultline.emulator.elf.ElfFormatException;
import dev.faultline.emulator.testing.Toolchain;
import dev.faultline.kernel.boot.BootException;
import dev.faultline.kernel.boot.RootTaskBoot;
import dev.faultline.kernel.invariant.InvariantChecker;
import dev.faultline.kernel.object.Tcb;

/** A kernel booted with a root task built from assembly, with its console captured and its invariants checked at every kernel exit. */
final class TestMachine {

    final StringBuilder guest = new StringBuilder();
    final StringBuilder reports = new StringBuilder();
    final Kernel kernel;
    final Tcb root;

    private TestMachine(Path elf, KernelConfig config) {
        kernel = new Kernel(config, new Console() {
            @Override
            public void guestByte(int b) {
                guest.append((char) b);
            }

            @Override
            public void kernelReport(String text) {
                reports.append(text);
            }
        });
        try {
            root = RootTaskBoot.boot(kernel, ElfFile.read(elf));
        } catch (IOException | ElfFormatException | BootException e) {
            throw new AssertionError(e);
        }
        InvariantChecker.checkAfterEveryEntry(kernel);
    }

    /** Boots a root task from assembly linked at 0x10000. */
    static TestMachine assembly(String name, String source) {
        return assembly(name, source, KernelConfig.DEFAULT);
    }

    static TestMachine assembly(String name, String source, KernelConfig config) {
        try {
            Path file = Toolchain.buildDir().resolve("kernel-asm/" + name + ".S");
            Files.createDirectories(file.getParent());
            if (!Files.exists(file) || !Files.readString(file).equals(source)) {
                Files.writeString(file, source);
            }
            Path elf = Toolchain.compile("kernel-asm-" + name, List.of("-march=rv64imac_zicsr_zifencei", "-mabi=lp64",
                    "-nostdlib", "-static", "-Wl,-Ttext=0x10000", "-Wl,--no-relax"), List.of(file), List.of(file));
            return new TestMachine(elf, config);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    Kernel.Exit run() {
        return kernel.run(100_000_000);
    }
}
