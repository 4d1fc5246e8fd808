package dev.faultline.emulator.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import dev.faultline.emulator.bare.BareResult;
import dev.faultline.emulator.bare.BareRunner;
import dev.faultline.emulator.elf.ElfFile;
import dev.faultline.emulator.elf.ElfFormatException;
import dev.faultline.emulator.memory.Frame;
import dev.faultline.emulator.memory.Page;

/**
 * The emulator's benchmarks, on a compute-bound bare guest: MIPS with no breakpoint, MIPS with a
 * breakpoint armed in the hot loop's page but never hit, their ratio, qemu-riscv64's wall time
 * on the same file when it is installed, and the heap the run needed.
 */
public final class EmulatorBenchmark {

    private static final long LIMIT = 50_000_000_000L;
    private static final long WARM_UP = 300_000_000L;
    private static final long SAMPLE = 1_000_000L;
    private static final int ROUNDS = 2;

    private final Path guest;
    private final ElfFile elf;

    public EmulatorBenchmark(Path guest) throws IOException, ElfFormatException {
        this.guest = guest;
        this.elf = ElfFile.read(guest);
    }

    /** Runs every figure, handing each to out as soon as it is known. */
    public void run(Consumer<Figure> out) throws IOException, ElfFormatException, InterruptedException {
        String name = guest.getFileName().toString().replaceFirst("\\.elf$", "");
        fresh().run(WARM_UP);
        long armedAt = unexecutedInstructionInHotPage();

        // Unarmed and armed runs alternate, and each keeps its best: the JIT's state and the
        // machine's noise then weigh on both alike.
        Timing plain = new Timing();
        Timing armed = new Timing();
        BareRunner last = null;
        for (int round = 0; round < ROUNDS; round++) {
            last = fresh();
            plain.time(last, "unarmed");
            BareRunner hooked = fresh();
            hooked.addressSpace().addBreakpoint(armedAt);
            armed.time(hooked, String.format("armed with a breakpoint at 0x%x", armedAt));
        }
        out.accept(new Figure("emulator." + name + ".instructions", plain.instructions, "instructions"));
        out.accept(new Figure("emulator." + name + ".mips", plain.mips(), "MIPS"));
        out.accept(new Figure("emulator." + name + ".mips.breakpoint-armed", armed.mips(), "MIPS"));
        out.accept(new Figure("emulator." + name + ".armed-to-unarmed", armed.mips() / plain.mips(), "ratio"));
        out.accept(new Figure("emulator." + name + ".heap", heapInUse(last) / (1024.0 * 1024.0), "MiB"));
        double plainSeconds = plain.bestSeconds;

        Double qemuSeconds = qemuSeconds();
        if (qemuSeconds != null) {
            out.accept(new Figure("emulator." + name + ".faultline-seconds", plainSeconds, "s"));
            out.accept(new Figure("emulator." + name + ".qemu-seconds", qemuSeconds, "s"));
            out.accept(new Figure("emulator." + name + ".faultline-to-qemu-time", plainSeconds / qemuSeconds, "ratio"));
        }
    }

    private BareRunner fresh() throws ElfFormatException {
        return new BareRunner(elf, OutputStream.nullOutputStream(), OutputStream.nullOutputStream());
    }

    /** The best of several timed runs of the guest to its exit. */
    private static final class Timing {
        long instructions;
        double bestSeconds = Double.MAX_VALUE;

        void time(BareRunner runner, String run) {
            long start = System.nanoTime();
            BareResult result = runner.run(LIMIT);
            double seconds = (System.nanoTime() - start) / 1e9;
            expectExit(result, run);
            instructions = result.instructions();
            bestSeconds = Math.min(bestSeconds, seconds);
        }

        double mips() {
            return instructions / bestSeconds / 1e6;
        }
    }

    private static void expectExit(BareResult result, String run) {
        if (result.ending() != BareResult.Ending.EXITED || result.exitStatus() != 0) {
            throw new IllegalStateException("the benchmark guest did not run to a clean exit (" + run + "): " + result);
        }
    }

    /**
     * An instruction in the page where the guest spends most time that never executes: a
     * breakpoint there is armed in the hot loop's page but never hit. Found by sampling the pc.
     */
    private long unexecutedInstructionInHotPage() throws ElfFormatException {
        BareRunner sampler = fresh();
        Map<Long, Integer> samples = new HashMap<>();
        for (int i = 0; i < 200; i++) {
            BareResult result = sampler.run(SAMPLE);
            samples.merge(sampler.hart().registers().pc() >>> Frame.SHIFT, 1, Integer::sum);
            if (result.ending() != BareResult.Ending.LIMIT) {
                break;
            }
        }
        sampler.run(LIMIT);
        for (long vpn : samples.entrySet().stream().sorted(Map.Entry.<Long, Integer>comparingByValue().reversed())
                .map(Map.Entry::getKey).toList()) {
            Page page = sampler.addressSpace().page(vpn << Frame.SHIFT);
            long address = firstUnexecutedInstruction(page);
            if (address >= 0) {
                return address;
            }
        }
        throw new IllegalStateException("every instruction of the benchmark's hot pages executed; no place to arm a breakpoint");
    }

    /** Walks the page's instructions from the first one that ran; returns the first that never did. */
    private static long firstUnexecutedInstruction(Page page) {
        long[] slots = page.code();
        byte[] bytes = page.frame().bytes();
        int offset = 0;
        while (offset < Frame.SIZE && slots[offset >> 1] == 0) {
            offset += 2;
        }
        while (offset + 2 <= Frame.SIZE) {
            if (slots[offset >> 1] == 0) {
                return page.address() + offset;
            }
            offset += (bytes[offset] & 3) == 3 ? 4 : 2;
        }
        return -1;
    }

    private static long heapInUse(Object keepAlive) {
        System.gc();
        long used = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP)
                .map(MemoryPoolMXBean::getUsage)
                .mapToLong(usage -> usage.getUsed())
                .sum();
        // The runner must still be reachable when the heap is measured.
        return keepAlive == null ? 0 : used;
    }

    private Double qemuSeconds() throws IOException, InterruptedException {
        Path qemu = findOnPath("qemu-riscv64");
        if (qemu == null) {
            return null;
        }
        Process process = new ProcessBuilder(qemu.toString(), guest.toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        long start = System.nanoTime();
        if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException("qemu-riscv64 did not run " + guest + " to a clean exit");
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private static Path findOnPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        return java.util.Arrays.stream(path.split(java.io.File.pathSeparator))
                .map(dir -> Path.of(dir, program))
                .filter(Files::isExecutable)
                .min(Comparator.naturalOrder())
                .orElse(null);
    }
}
