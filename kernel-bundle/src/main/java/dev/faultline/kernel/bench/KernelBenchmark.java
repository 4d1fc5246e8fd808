package dev.faultline.kernel.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.function.Consumer;

import dev.faultline.emulator.bench.Figure;
import dev.faultline.emulator.elf.ElfFile;
import dev.faultline.emulator.elf.ElfFormatException;
import dev.faultline.kernel.Console;
import dev.faultline.kernel.Kernel;
import dev.faultline.kernel.KernelConfig;
import dev.faultline.kernel.api.CapRights;
import dev.faultline.kernel.boot.BootException;
import dev.faultline.kernel.boot.Loader;
import dev.faultline.kernel.boot.PhysicalAllocator;
import dev.faultline.kernel.boot.RootTaskBoot;
import dev.faultline.kernel.inspect.Inspector;
import dev.faultline.kernel.invariant.InvariantChecker;
import dev.faultline.kernel.object.Capability.CNodeCap;
import dev.faultline.kernel.object.Capability.EndpointCap;
import dev.faultline.kernel.object.Endpoint;
import dev.faultline.kernel.object.PageTable;
import dev.faultline.kernel.object.Tcb;

/**
 * The kernel's benchmarks: IPC round trips (Call + ReplyRecv between two threads in different
 * address spaces) and kernel entries per second; fault round trips (a fault, its delivery to the
 * handler, the reply, the restart); each with the journal off and on; and the heap and boot time
 * of a system of 10,000 threads and 100,000 endpoints made by a root task.
 */
public final class KernelBenchmark {

    private static final long ROUNDS = 2_000_000;
    /** Measured runs of each figure; the best is printed, since the first ones pay for the JIT's warm-up. */
    private static final int RUNS = 3;
    private static final long STACK_TOP = 0x7000_0000L;
    private static final long IPC_BUFFER = 0x6000_0000L;

    private final Path guests;

    /** The guests, as examples/Makefile builds them into target/bench: IPC and fault pairs, many objects. */
    public KernelBenchmark(Path guests) {
        this.guests = guests;
    }

    /** The guests this benchmark needs, by file name. */
    public static final java.util.List<String> GUESTS = java.util.List.of("ipc-client.elf", "ipc-server.elf",
            "fault-client.elf", "fault-handler.elf", "many-objects.elf");

    public void run(Consumer<Figure> out) throws IOException, ElfFormatException, BootException {
        // The kernel as a debugger runs it keeps a journal; without one it makes no events at all.
        Pair ipc = new Pair("ipc", false);
        Pair fault = new Pair("fault", true);
        Result ipcBare = best(ipc, 0);
        out.accept(new Figure("kernel.ipc.round-trips", ipcBare.perSecond(), "per second"));
        out.accept(new Figure("kernel.entries", ipcBare.entriesPerSecond(), "per second"));
        out.accept(new Figure("kernel.ipc.round-trips.journalled", best(ipc, KernelConfig.DEFAULT.journalCapacity())
                .perSecond(), "per second"));
        out.accept(new Figure("kernel.fault.round-trips", best(fault, 0).perSecond(), "per second"));
        out.accept(new Figure("kernel.fault.round-trips.journalled", best(fault, KernelConfig.DEFAULT.journalCapacity())
                .perSecond(), "per second"));
        manyObjects(out);
    }

    /**
     * A client and a server in their own address spaces around one endpoint in slot 1 of each
     * CSpace: for IPC the client calls it; for faults it is the client's fault handler.
     */
    private record Pair(String name, boolean faults) {
    }

    /** One timed run: rounds in seconds, with the kernel entries it took. */
    private record Result(long rounds, double seconds, long entries) {
        double perSecond() {
            return rounds / seconds;
        }

        double entriesPerSecond() {
            return entries / seconds;
        }
    }

    private Result best(Pair pair, int journalCapacity) throws IOException, ElfFormatException {
        time(pair, ROUNDS / 4, journalCapacity);
        Result best = null;
        for (int i = 0; i < RUNS; i++) {
            Result result = time(pair, ROUNDS, journalCapacity);
            best = best == null || result.seconds() < best.seconds() ? result : best;
        }
        return best;
    }

    private Result time(Pair pair, long rounds, int journalCapacity) throws IOException, ElfFormatException {
        KernelConfig config = KernelConfig.DEFAULT.withJournalCapacity(journalCapacity);
        Kernel kernel = new Kernel(config, Console.NONE);
        Loader loader = new Loader(kernel, new PhysicalAllocator(config.memoryBase(), config.memoryBase() + config.memoryBytes()));
        Endpoint endpoint = kernel.objects().register(id -> new Endpoint(id, config.memoryBase() + config.memoryBytes() - 16));
        String serverName = pair.faults() ? "handler" : "server";
        Tcb serverThread = program(loader, guests.resolve(pair.name() + "-" + serverName + ".elf"), serverName, 200,
                new EndpointCap(endpoint, 0, CapRights.ALL));
        Tcb clientThread = program(loader, guests.resolve(pair.name() + "-client.elf"), "client", 100,
                new EndpointCap(endpoint, 0, CapRights.ALL));
        if (pair.faults()) {
            clientThread.setFaultHandler(1);
        }
        clientThread.registers().set(10, rounds);
        loader.start(serverThread);
        loader.start(clientThread);
        long start = System.nanoTime();
        Kernel.Exit exit = kernel.run(Long.MAX_VALUE);
        double seconds = (System.nanoTime() - start) / 1e9;
        if (exit != Kernel.Exit.HALTED) {
            throw new IllegalStateException("the " + pair.name() + " benchmark ended " + exit + " instead of halting");
        }
        return new Result(rounds, seconds, kernel.kernelEntries());
    }

    private static Tcb program(Loader loader, Path elf, String name, int priority, EndpointCap endpoint)
            throws IOException, ElfFormatException {
        ElfFile file = ElfFile.read(elf);
        PageTable vspace = loader.newVSpace();
        loader.loadElf(vspace, file);
        loader.mapNewFrame(vspace, STACK_TOP - 4096, dev.faultline.emulator.memory.Permissions.RW);
        CNodeCap cspace = loader.newCNode(4);
        loader.place(cspace.cnode(), 1, endpoint);
        return loader.newThread(new Loader.ThreadStart(name, priority, file.entry(), STACK_TOP), cspace, vspace, IPC_BUFFER);
    }

    /** Boots the root task that makes 10,000 threads and 100,000 endpoints; measures boot and heap. */
    private void manyObjects(Consumer<Figure> out) throws IOException, ElfFormatException, BootException {
        ElfFile elf = ElfFile.read(guests.resolve("many-objects.elf"));
        StringBuilder console = new StringBuilder();
        long start = System.nanoTime();
        Kernel kernel = new Kernel(KernelConfig.DEFAULT, new Console() {
            @Override
            public void guestByte(int b) {
                console.append((char) b);
            }

            @Override
            public void kernelReport(String text) {
                console.append(text);
            }
        });
        RootTaskBoot.boot(kernel, elf);
        kernel.run(1);
        double bootMillis = (System.nanoTime() - start) / 1e6;
        start = System.nanoTime();
        Kernel.Exit exit = kernel.run(Long.MAX_VALUE);
        double makeSeconds = (System.nanoTime() - start) / 1e9;
        if (exit != Kernel.Exit.IDLE || !console.toString().startsWith("made 10000 threads and 100000 endpoints")) {
            throw new IllegalStateException("the many-objects root task failed (" + exit + "): " + console);
        }
        out.accept(new Figure("kernel.many-objects.boot-to-first-instruction", bootMillis, "ms"));
        out.accept(new Figure("kernel.many-objects.create", makeSeconds, "s"));
        out.accept(new Figure("kernel.many-objects.heap", heapInUse(kernel) / (1024.0 * 1024.0), "MiB"));
        out.accept(new Figure("kernel.many-objects.live-objects", kernel.objects().count(), "objects"));
        out.accept(new Figure("kernel.inspect.snapshot-many-objects", bestMillis(() -> Inspector.snapshot(kernel)), "ms"));
        InvariantChecker checker = new InvariantChecker(kernel);
        out.accept(new Figure("kernel.invariants.check-many-objects", bestMillis(checker::check), "ms"));
    }

    /** The fastest of five runs after a warm-up: what a debugger stop costs once the code is compiled. */
    private static double bestMillis(Runnable work) {
        double best = Double.MAX_VALUE;
        for (int i = 0; i < 8; i++) {
            long start = System.nanoTime();
            work.run();
            double millis = (System.nanoTime() - start) / 1e6;
            if (i >= 3) {
                best = Math.min(best, millis);
            }
        }
        return best;
    }

    private static long heapInUse(Object keepAlive) {
        System.gc();
        long used = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP)
                .map(MemoryPoolMXBean::getUsage)
                .mapToLong(usage -> usage.getUsed())
                .sum();
        return keepAlive == null ? 0 : used;
    }
}
