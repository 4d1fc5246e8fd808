package dev.faultline.dap.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.faultline.emulator.bare.BareResult;
import dev.faultline.emulator.bare.BareRunner;
import dev.faultline.emulator.elf.ElfFile;
import dev.faultline.emulator.elf.ElfFormatException;
import dev.faultline.kernel.Kernel;
import dev.faultline.kernel.KernelConfig;
import dev.faultline.kernel.boot.BootException;
import dev.faultline.kernel.boot.RootTaskBoot;
import dev.faultline.kernel.interrupt.Interrupts;
import dev.faultline.kernel.object.Tcb;
import dev.faultline.kernel.system.SystemDescription;
import dev.faultline.kernel.system.SystemDescriptionException;
import dev.faultline.kernel.system.SystemLoader;
import dev.faultline.kernel.system.SystemParser;

/**
 * `faultline run`: boots a root-task ELF or a system description on the seL4 model
 * ({@link MachineRun}), or with --bare runs a bare guest (Linux write and exit only, as under
 * qemu-riscv64), and exits with its status.
 */
final class RunCommand {

    static final String USAGE = "usage: faultline run [--bare] [--limit INSTRUCTIONS] [--timer PERIOD[:IRQ]] PROGRAM-OR-SYSTEM";
    private static final long DEFAULT_LIMIT = Long.MAX_VALUE;

    private RunCommand() {
    }

    static int run(List<String> args, PrintStream out, PrintStream err) {
        boolean bare = false;
        long limit = DEFAULT_LIMIT;
        KernelConfig config = KernelConfig.DEFAULT;
        String file = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--bare" -> bare = true;
                case "--limit" -> {
                    if (i + 1 == args.size()) {
                        return usage(err, "--limit needs a number of instructions");
                    }
                    limit = positive(args.get(++i));
                    if (limit <= 0) {
                        return usage(err, "--limit takes a number of instructions, not '" + args.get(i) + "'");
                    }
                }
                case "--timer" -> {
                    if (i + 1 == args.size()) {
                        return usage(err, "--timer needs a period in instructions (PERIOD or PERIOD:IRQ)");
                    }
                    String[] parts = args.get(++i).split(":", -1);
                    long period = positive(parts[0]);
                    long irq = parts.length == 2 ? positive(parts[1]) : KernelConfig.DEFAULT_TIMER_IRQ;
                    if (parts.length > 2 || period <= 0 || irq <= 0 || irq > Interrupts.MAX_IRQ) {
                        return usage(err, "--timer takes PERIOD or PERIOD:IRQ (a number of instructions, a line 1.."
                                + Interrupts.MAX_IRQ + "), not '" + args.get(i) + "'");
                    }
                    config = config.withTimer(period, (int) irq);
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
        if (!Files.isRegularFile(path)) {
            err.println("faultline: " + path + (Files.exists(path) ? ": not a file" : ": no such file"));
            return MachineRun.EXIT_BAD_INPUT;
        }
        if (!bare && !isElf(path)) {
            if (!isText(path)) {
                err.println("faultline: " + path + ": neither an ELF executable (no ELF magic) nor a system description"
                        + " (not text)");
                return MachineRun.EXIT_BAD_INPUT;
            }
            return MachineRun.run(kernel -> system(kernel, path), false, config, limit, out, err);
        }
        ElfFile elf;
        try {
            elf = ElfFile.read(path);
        } catch (IOException e) {
            err.println("faultline: " + path + ": cannot read: " + e.getMessage());
            return MachineRun.EXIT_BAD_INPUT;
        } catch (ElfFormatException e) {
            err.println("faultline: not a RISC-V executable: " + e.getMessage());
            return MachineRun.EXIT_BAD_INPUT;
        }
        String name = String.valueOf(path.getFileName());
        if (bare) {
            return runBare(elf, name, limit, out, err);
        }
        return MachineRun.run(kernel -> rootTask(kernel, elf, name), true, config, limit, out, err);
    }

    /** A number with optional _ separators; 0 when it is none. */
    private static long positive(String text) {
        try {
            return Long.parseLong(text.replace("_", ""));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** An ELF file starts with its magic; anything else is taken for a system description. */
    private static boolean isElf(Path path) {
        try (InputStream in = Files.newInputStream(path)) {
            byte[] magic = in.readNBytes(4);
            return magic.length == 4 && magic[0] == 0x7f && magic[1] == 'E' && magic[2] == 'L' && magic[3] == 'F';
        } catch (IOException e) {
            return false;
        }
    }

    /** A system description is text: its first kilobyte has no control bytes but tabs and line ends. */
    private static boolean isText(Path path) {
        try (InputStream in = Files.newInputStream(path)) {
            for (byte b : in.readNBytes(1024)) {
                if ((b >= 0 && b < 0x20 && b != '\t' && b != '\n' && b != '\r') || b == 0x7f) {
                    return false;
                }
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static List<MachineRun.Program> rootTask(Kernel kernel, ElfFile elf, String name)
            throws MachineRun.BootFailure {
        try {
            return List.of(new MachineRun.Program(name, elf, RootTaskBoot.boot(kernel, elf)));
        } catch (BootException e) {
            throw new MachineRun.BootFailure("cannot boot " + name + " as a root task: " + e.getMessage());
        }
    }

    private static List<MachineRun.Program> system(Kernel kernel, Path path) throws MachineRun.BootFailure {
        try {
            SystemDescription description = SystemParser.parse(path);
            if (description.timer() != null && kernel.config().timerPeriod() > 0) {
                throw new MachineRun.BootFailure(path.getFileName() + ":" + description.timer().line()
                        + ": the system names its own timer; run it without --timer");
            }
            Map<String, Tcb> threads = SystemLoader.load(kernel, description);
            List<MachineRun.Program> programs = new ArrayList<>();
            for (SystemDescription.Program program : description.programs()) {
                programs.add(new MachineRun.Program(program.name(), ElfFile.read(program.elf()),
                        threads.get(program.name())));
            }
            return programs;
        } catch (SystemDescriptionException e) {
            throw new MachineRun.BootFailure(e.getMessage());
        } catch (IOException | ElfFormatException e) {
            // The loader has read every image already; one that changed since is named here.
            throw new MachineRun.BootFailure(path.getFileName() + ": a program changed while it was loaded: "
                    + e.getMessage());
        }
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
                yield MachineRun.EXIT_LIMIT;
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
