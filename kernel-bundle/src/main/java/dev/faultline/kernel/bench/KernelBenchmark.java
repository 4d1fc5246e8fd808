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
 * address spaces) and kernel entries per second, and the heap and boot time of a system of
 * 10,000 threads and 100,000 endpoints made by a root task.
 */
public final class KernelBenchmark {

    private static final long ROUNDS = 2_000_000;
    private static final long STACK_TOP = 0x7000_0000L;
    private static final long IPC_BUFFER = 0x6000_0000L;

    private final Path client;
    private final Path server;
    private final Path manyObjects;

    /** The guests: the IPC client and server, and the root task that makes many objects. */
    public KernelBenchmark(Path client, Path server, Path manyObjects) {
        this.client = client;
        this.server = server;
        this.manyObjects = manyObjects;
    }

    public void run(Consumer<Figure> out) throws IOException, ElfFormatException, BootException {
        ipc(ROUNDS / 4, figure -> { });
        ipc(ROUNDS, out);
        manyObjects(out);
    }

    /** Builds client and server in their own address spaces around one endpoint, and times the calls. */
    private void ipc(long rounds, Consumer<Figure> out) throws IOException, ElfFormatException {
        KernelConfig config = KernelConfig.DEFAULT;
        Kernel kernel = new Kernel(config, Console.NONE);
        Loader loader = new Loader(kernel, new PhysicalAllocator(config.memoryBase(), config.memoryBase() + config.memoryBytes()));
        Endpoint endpoint = kernel.objects().register(id -> new Endpoint(id, config.memoryBase() + config.memoryBytes() - 16));
        Tcb serverThread = program(loader, server, "server", 200, new EndpointCap(endpoint, 0, CapRights.ALL));
        Tcb clientThread = program(loader, client, "client", 100, new EndpointCap(endpoint, 0, CapRights.ALL));
        clientThread.registers().set(10, rounds);
        loader.start(serverThread);
        loader.start(clientThread);
        long start = System.nanoTime();
        Kernel.Exit exit = kernel.run(Long.MAX_VALUE);
        double seconds = (System.nanoTime() - start) / 1e9;
        if (exit != Kernel.Exit.HALTED) {
            throw new IllegalStateException("the IPC benchmark ended " + exit + " instead of halting");
        }
        out.accept(new Figure("kernel.ipc.round-trips", rounds / seconds, "per second"));
        out.accept(new Figure("kernel.entries", kernel.kernelEntries() / seconds, "per second"));
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
        ElfFile elf = ElfFile.read(manyObjects);
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
