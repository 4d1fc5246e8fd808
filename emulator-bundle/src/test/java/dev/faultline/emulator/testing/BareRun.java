package dev.faultline.emulator.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import dev.faultline.emulator.bare.BareResult;
import dev.faultline.emulator.bare.BareRunner;
import dev.faultline.emulator.elf.ElfFile;
import dev.faultline.emulator.elf.ElfFormatException;

/** A bare guest run under Faultline, with what it wrote: the counterpart of {@link Toolchain#qemu}. */
public record BareRun(BareResult result, byte[] stdout, byte[] stderr, BareRunner runner) {

    /** How a test has the hart execute: interpreting only, or translating every block on its first visit. */
    public enum Execution {
        INTERPRETED(0),
        TRANSLATED(1);

        private final int threshold;

        Execution(int threshold) {
            this.threshold = threshold;
        }
    }

    /** Runs elf to its end, or to limit instructions, as the hart does by default. */
    public static BareRun of(Path elf, long limit) {
        return of(elf, limit, null);
    }

    /** Runs elf to its end, or to limit instructions, executing as execution says (null: the default). */
    public static BareRun of(Path elf, long limit, Execution execution) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            BareRunner runner = new BareRunner(ElfFile.read(elf), out, err);
            if (execution != null) {
                runner.hart().setTranslationThreshold(execution.threshold);
            }
            BareResult result = runner.run(limit);
            return new BareRun(result, out.toByteArray(), err.toByteArray(), runner);
        } catch (IOException | ElfFormatException e) {
            throw new AssertionError("cannot load " + elf + ": " + e.getMessage(), e);
        }
    }

    public String stdoutText() {
        return new String(stdout, StandardCharsets.UTF_8);
    }
}
