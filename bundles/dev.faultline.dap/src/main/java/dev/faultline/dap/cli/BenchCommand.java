package dev.faultline.dap.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import java.util.function.Consumer;

import dev.faultline.emulator.bench.EmulatorBenchmark;
import dev.faultline.emulator.bench.Figure;
import dev.faultline.kernel.bench.KernelBenchmark;

/** `faultline bench`: every benchmark of the machine, one `name: value unit` line per figure. */
final class BenchCommand {

    /** The guests the figures come from, relative to the Faultline home (examples/Makefile builds them). */
    static final String COMPUTE_GUEST = "examples/target/bare/compute.elf";
    static final String IPC_CLIENT = "examples/target/bench/ipc-client.elf";
    static final String IPC_SERVER = "examples/target/bench/ipc-server.elf";
    static final String MANY_OBJECTS = "examples/target/bench/many-objects.elf";

    private BenchCommand() {
    }

    static int run(List<String> args, Path home, PrintStream out, PrintStream err) {
        if (!args.isEmpty()) {
            err.println("faultline bench: takes no arguments, got " + args);
            return Main.EXIT_USAGE;
        }
        for (String guest : List.of(COMPUTE_GUEST, IPC_CLIENT, IPC_SERVER, MANY_OBJECTS)) {
            if (!Files.isRegularFile(home.resolve(guest))) {
                err.println("faultline bench: the benchmark guest " + home.resolve(guest) + " is missing; build it with:"
                        + " make -C " + home.resolve("examples"));
                return 2;
            }
        }
        Consumer<Figure> print = figure -> {
            out.println(figure);
            out.flush();
        };
        try {
            new EmulatorBenchmark(home.resolve(COMPUTE_GUEST)).run(print);
            new KernelBenchmark(home.resolve(IPC_CLIENT), home.resolve(IPC_SERVER), home.resolve(MANY_OBJECTS)).run(print);
            return 0;
        } catch (Exception e) {
            err.println("faultline bench: " + e.getMessage());
            return 1;
        }
    }
}
