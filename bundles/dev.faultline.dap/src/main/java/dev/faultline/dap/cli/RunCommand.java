package dev.faultline.dap.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

import dev.faultline.emulator.bare.BareResult;
import dev.faultline.emulator.bare.BareRunner;
import dev.faultline.emulator.elf.ElfFile;
import dev.faultline.emulator.elf.ElfFormatException;

/**
 * `faultline run`: boots a program as the root task of the seL4 model ({@link RootTaskRun}), or
 * with --bare runs a bare guest (Linux write and exit only, as under qemu-riscv64), and exits
 * with its status.
 */
final class RunCommand {

    static final String USAGE = "usage: faultline run [--bare] [--limit INSTRUCTIONS] PROGRAM-OR-SYSTEM";
    private static final long DEFAULT_LIMIT = Long.MAX_VALUE;

    private RunCommand() {
    }

    static int run(List<String> args, PrintStream out, PrintStream err) {
        boolean bare = false;
        long limit = DEFAULT_LIMIT;
        String file = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--bare" -> bare = true;
                case "--limit" -> {
                    if (i + 1 == args.size()) {
                        return usage(err, "--limit needs a number of instructions");
                    }
                    try {
                        limit = Long.parseLong(args.get(++i).replace("_", ""));
                    } catch (NumberFormatException e) {
                        limit = 0;
                    }
                    if (limit <= 0) {
                        return usage(err, "--limit takes a number of instructions, not '" + args.get(i) + "'");
                    }
                }
                default -> {
                    if (arg.startsWith("-") || file != null) {
                        return usage(err, "unexpected argument '" + arg + "'");
                    }
                    file = arg;
                }
            }
        }
        if (file == null) {
            return usage(err, "no program named");
        }
        Path path = Path.of(file);
        ElfFile elf;
        try {
            elf = ElfFile.read(path);
        } catch (NoSuchFileException e) {
            err.println("faultline: " + path + ": no such file");
            return 2;
        } catch (IOException e) {
            err.println("faultline: " + path + ": cannot read: " + e.getMessage());
            return 2;
        } catch (ElfFormatException e) {
            err.println("faultline: not a RISC-V executable: " + e.getMessage());
            return 2;
        }
        String name = String.valueOf(path.getFileName());
        return bare ? runBare(elf, name, limit, out, err) : RootTaskRun.run(elf, name, limit, out, err);
    }

    private static int runBare(ElfFile elf, String name, long limit, PrintStream out, PrintStream err) {
        BareRunner runner;
        try {
            runner = new BareRunner(elf, out, err);
        } catch (ElfFormatException e) {
            err.println("faultline: cannot load: " + e.getMessage());
            return 2;
        }
        BareResult result = runner.run(limit);
        out.flush();
        return switch (result.ending()) {
            case EXITED -> result.exitStatus();
            case TRAPPED -> {
                err.println("faultline: " + name + " ended by a trap the bare runner does not handle: "
                        + result.trap());
                err.print(runner.hart().registers());
                yield result.exitStatus();
            }
            case LIMIT -> {
                err.println("faultline: " + name + " was stopped after " + result.instructions()
                        + " instructions (--limit)");
                yield RootTaskRun.EXIT_LIMIT;
            }
            case DEBUG_STOP -> throw new IllegalStateException("a bare run set no breakpoints, yet one stopped it");
        };
    }

    private static int usage(PrintStream err, String problem) {
        err.println("faultline run: " + problem);
        err.println(USAGE);
        return Main.EXIT_USAGE;
    }
}
