package dev.faultline.dap.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import java.util.function.Consumer;

import dev.faultline.emulator.bench.EmulatorBenchmark;
import dev.faultline.emulator.bench.Figure;
import dev.faultline.dap.bench.DapBenchmark;
import dev.faultline.kernel.bench.KernelBenchmark;

/** `faultline bench`: every benchmark of the machine, one `name: value unit` line per figure. */
final class BenchCommand {

    /** The guests the figures come from, relative to the Faultline home (examples/Makefile builds them). */
    static final String COMPUTE_GUEST = "examples/target/bare/compute.elf";
    static final String KERNEL_GUESTS = "examples/target/bench";
    static final String DAP_GUEST = "examples/target/bench/dap-machine.elf";

    private BenchCommand() {
    }

    static int run(List<String> args, Path home, PrintStream out, PrintStream err) {
        if (!args.isEmpty()) {
            err.println("faultline bench: takes no arguments, got " + args);
            return Main.EXIT_USAGE;
        }
        List<String> guests = new ArrayList<>(List.of(COMPUTE_GUEST));
        KernelBenchmark.GUESTS.forEach(guest -> guests.add(KERNEL_GUESTS + "/" + guest));
        guests.add(DAP_GUEST);
        for (String guest : guests) {
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
            new KernelBenchmark(home.resolve(KERNEL_GUESTS)).run(print);
            new DapBenchmark(home.resolve(DAP_GUEST)).run(print);
            return 0;
        } catch (Exception e) {
            err.println("faultline bench: " + e.getMessage());
            return 1;
        }
    }
}
