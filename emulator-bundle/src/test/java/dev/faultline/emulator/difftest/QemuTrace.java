package dev.faultline.emulator.difftest;

import dev.faultline.emulator.testing.Toolchain;
import dev.faultline.emulator.testing.Toolchain.ProcessResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A run of a guest under qemu-riscv64 with one instruction per translation block
 * ({@code -singlestep}) and the execution log ({@code -d exec,nochain}): the process result and
 * the pc of every instruction qemu started, in order. qemu logs a block when it enters it, so
 * the last pc is the instruction that trapped (a fetch that faults never enters its block, so
 * there the last pc is the jump).
 */
record QemuTrace(ProcessResult result, List<Long> pcs) {

    // qemu 7.2: "Trace 0: 0x7f0d74000740 [0000000000000000/000000000001001e/00207600/00000201] "
    private static final Pattern TRACE = Pattern.compile("^Trace \\d+: 0x[0-9a-f]+ \\[[0-9a-f]+/([0-9a-f]+)/");

    /** Runs the ELF, logging into a file beside it. */
    static QemuTrace run(Path elf, Duration timeout) {
        Path log = elf.resolveSibling(elf.getFileName() + ".exec.log");
        try {
            Files.deleteIfExists(log);
            ProcessResult result = Toolchain.run(List.of(Toolchain.QEMU, "-singlestep", "-d", "exec,nochain",
                    "-D", log.toString(), elf.toString()), timeout, "qemu-user");
            List<Long> pcs = new ArrayList<>();
            if (Files.exists(log)) {
                for (String line : Files.readAllLines(log)) {
                    Matcher m = TRACE.matcher(line);
                    if (m.find()) {
                        pcs.add(Long.parseUnsignedLong(m.group(1), 16));
                    }
                }
            }
            return new QemuTrace(result, pcs);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The last instruction qemu started, or -1 when the log has none. */
    long lastPc() {
        return pcs.isEmpty() ? -1 : pcs.get(pcs.size() - 1);
    }
}
