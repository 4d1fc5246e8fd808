package dev.faultline.dap.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** The `faultline` command line: picks a command from the arguments and runs it. */
public final class Main {

    /** Exit status for a command line that could not be understood (as sysexits' EX_USAGE). */
    public static final int EXIT_USAGE = 64;

    static final String USAGE = """
            usage: faultline COMMAND [ARGS]

            Faultline runs and debugs RISC-V programs on a model of the seL4 microkernel.

            commands:
              run [--bare] [--limit INSTRUCTIONS] [--timer PERIOD[:IRQ]] PROGRAM-OR-SYSTEM
                  boot a root-task ELF, or a system description (programs, objects and
                  caps; see the README), on the seL4 model and run it until the machine
                  is idle or halted; print the guest console and the kernel's reports,
                  then the fault log if anything faulted. A root task exits with the
                  value main returned, or 125 if main never returned (the reason goes to
                  stderr); a system with 0, or the first non-zero value a program's main
                  returned. 124 if --limit stopped it, 2 if it cannot run. --timer adds
                  a timer device raising IRQ (default 1) every PERIOD instructions.
                  --bare runs a guest that only calls Linux's write and exit, as
                  qemu-riscv64 would.
              debug [--listen [HOST:]PORT] [--token TOKEN] [PROGRAM-OR-SYSTEM]
                  serve the Debug Adapter Protocol over stdio, or listen for a client to
                  attach (loopback only unless a host is named); with --listen the program
                  runs at once and clients attach to it, one at a time (presenting TOKEN)
              bench
                  run the benchmarks; one `name: value unit` line per figure
              help
                  print this text
            """;

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(Arrays.asList(args), System.out, System.err));
    }

    /** Runs one command line and returns the process exit status. */
    static int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.isEmpty()) {
            err.print(USAGE);
            return EXIT_USAGE;
        }
        String command = args.get(0);
        List<String> rest = args.subList(1, args.size());
        switch (command) {
            case "help", "--help", "-h" -> {
                out.print(USAGE);
                return 0;
            }
            case "run" -> {
                return RunCommand.run(rest, out, err);
            }
            case "bench" -> {
                return BenchCommand.run(rest, home(), out, err);
            }
            case "debug" -> {
                return DebugCommand.run(rest, err);
            }
            default -> {
                err.println("faultline: unknown command '" + command + "' (expected run, debug, bench or help)");
                err.print(USAGE);
                return EXIT_USAGE;
            }
        }
    }

    /** Where Faultline's files are: the launcher names it; else the working directory. */
    static Path home() {
        return Path.of(System.getProperty("faultline.home", "")).toAbsolutePath();
    }
}
