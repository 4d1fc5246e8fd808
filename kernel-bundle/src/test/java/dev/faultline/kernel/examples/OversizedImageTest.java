package dev.faultline.kernel.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import dev.faultline.emulator.elf.ElfFile;
import dev.faultline.emulator.testing.Toolchain;
import dev.faultline.kernel.Console;
import dev.faultline.kernel.Kernel;
import dev.faultline.kernel.KernelConfig;
import dev.faultline.kernel.boot.BootException;
import dev.faultline.kernel.boot.RootTaskBoot;
import dev.faultline.kernel.invariant.InvariantChecker;
import dev.faultline.kernel.sdk.SdkToolchain;

/**
 * An image whose caps do not fit in the root CNode, or whose frames do not fit in memory, is
 * refused with a BootException before anything is built, as seL4's boot stops with an error.
 */
class OversizedImageTest {

    /** A root task whose .bss has the given number of MiB. */
    private static Path program(int mebibytes) {
        String text = "char big[" + mebibytes + "UL << 20];\n"
                + "int main(void) { ((volatile char *) big)[0] = 1; return 0; }\n";
        try {
            Path source = Toolchain.buildDir().resolve("examples-units/big" + mebibytes + ".c");
            Files.createDirectories(source.getParent());
            if (!Files.exists(source) || !Files.readString(source).equals(text)) {
                Files.writeString(source, text);
            }
            return SdkToolchain.buildProgram("big" + mebibytes, source);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static BootException bootFails(KernelConfig config, Path elf) throws Exception {
        Kernel kernel = new Kernel(config, Console.NONE);
        ElfFile file = ElfFile.read(elf);
        BootException error = assertThrows(BootException.class, () -> RootTaskBoot.boot(kernel, file));
        assertEquals(0, kernel.objects().count(), "nothing was built");
        return error;
    }

    @Test
    void anImageWithMoreFramesThanTheRootCNodeHasSlotsIsRefused() throws Exception {
        BootException error = bootFails(KernelConfig.DEFAULT, program(300));
        assertTrue(error.getMessage().contains("65536-slot root CNode"), error.getMessage());
        assertTrue(error.getMessage().contains("big300.elf"), error.getMessage());
    }

    @Test
    void anImageLargerThanPhysicalMemoryIsRefused() throws Exception {
        KernelConfig small = new KernelConfig(0x8000_0000L, 1L << 20, 12, 100_000, 1000, 0, 0);
        BootException error = bootFails(small, program(2));
        assertTrue(error.getMessage().contains("physical memory"), error.getMessage());
        assertTrue(error.getMessage().contains("big2.elf"), error.getMessage());
    }

    @Test
    void anImageThatJustFitsStillBoots() throws Exception {
        Kernel kernel = new Kernel(KernelConfig.DEFAULT, Console.NONE);
        RootTaskBoot.boot(kernel, ElfFile.read(program(200)));
        InvariantChecker.checkAfterEveryEntry(kernel);
        assertEquals(Kernel.Exit.IDLE, kernel.run(1_000_000));
    }
}
