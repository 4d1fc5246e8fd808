package dev.faultline.dap.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Optional;

import dev.faultline.emulator.elf.ElfFile;
import dev.faultline.emulator.elf.Symbol;
import dev.faultline.emulator.memory.AddressSpace;
import dev.faultline.kernel.Console;
import dev.faultline.kernel.Kernel;
import dev.faultline.kernel.KernelConfig;
import dev.faultline.kernel.fault.FaultLog;
import dev.faultline.kernel.object.Capability.PageTableCap;
import dev.faultline.kernel.object.Tcb;
import dev.faultline.kernel.object.TcbSlot;
import dev.faultline.kernel.object.ThreadState;

/**
 * A machine run to its end, as `faultline run` does it: a root task or a described system is
 * booted, the guests' console and the kernel's reports go to out in the order they come, and
 * then the fault log, if anything faulted. The exit status comes from the programs' mains,
 * which the SDK's crt0 leaves in __sel4_exit_status (with __sel4_main_returned set to 1), read
 * from each program's memory once the machine is idle or halted.
 */
final class MachineRun {

    /** The status when the root task never returned from main: it stopped, faulted, deadlocked or halted. */
    static final int EXIT_NO_RETURN = 125;
    /** The status when --limit stopped the run, as for bare guests. */
    static final int EXIT_LIMIT = 124;
    /** The status when the machine cannot be built: a bad image or system description. */
    static final int EXIT_BAD_INPUT = 2;
    /** How many instructions the kernel runs between looks at the limit. */
    private static final long SLICE = 1L << 30;

    /** A program of the machine: its image and its thread. */
    record Program(String name, ElfFile elf, Tcb thread) {
    }

    /** How the machine is built: boots programs into a fresh kernel, or says why it cannot. */
    interface Boot {
        List<Program> boot(Kernel kernel) throws BootFailure;
    }

    /** A machine that cannot be built; the message names what is wrong and where. */
    static final class BootFailure extends Exception {
        private static final long serialVersionUID = 1L;

        BootFailure(String message) {
            super(message);
        }
    }

    private MachineRun() {
    }

    /**
     * Boots and runs for at most limit instructions. A root task (rootTask) ends with the value
     * its main returned, or EXIT_NO_RETURN with the reason on err; a system ends with 0, or the
     * first non-zero value a program's main returned, in the order the programs were declared.
     */
    static int run(Boot boot, boolean rootTask, KernelConfig config, long limit, PrintStream out, PrintStream err) {
        boolean[] lineOpen = {false};
        Kernel kernel = new Kernel(config.withJournalCapacity(0), new Console() {
            @Override
            public void guestByte(int b) {
                out.write(b);
                lineOpen[0] = b != '\n';
            }

            @Override
            public void kernelReport(String text) {
                out.print(text);
                lineOpen[0] = !text.isEmpty() && !text.endsWith("\n");
            }
        });
        FaultLog faults = new FaultLog(FaultLog.DEFAULT_CAPACITY);
        kernel.journal().addListener(faults);
        List<Program> programs;
        try {
            programs = boot.boot(kernel);
        } catch (BootFailure e) {
            err.println("faultline: " + e.getMessage());
            return EXIT_BAD_INPUT;
        }
        Kernel.Exit exit = Kernel.Exit.BUDGET;
        while (exit == Kernel.Exit.BUDGET && kernel.now() < limit) {
            exit = kernel.run(Math.min(SLICE, limit - kernel.now()));
        }
        if (!faults.entries().isEmpty()) {
            out.print((lineOpen[0] ? "\n" : "") + "\n" + faults.format());
        }
        out.flush();
        return switch (exit) {
            case IDLE, HALTED -> rootTask ? rootTaskStatus(programs.get(0), kernel, err) : systemStatus(programs);
            case BUDGET -> {
                err.println("faultline: the machine was stopped after " + kernel.now() + " instructions (--limit)");
                yield EXIT_LIMIT;
            }
            case DEBUG_STOP -> throw new IllegalStateException("a run set no breakpoints, yet one stopped it");
        };
    }

    /** main's value (its low 8 bits, as a process's status), or EXIT_NO_RETURN with the reason on err. */
    private static int rootTaskStatus(Program root, Kernel kernel, PrintStream err) {
        if (!linkedWithCrt0(root)) {
            err.println("faultline: " + root.name() + " has no exit status: it defines no __sel4_main_returned and"
                    + " __sel4_exit_status (it was not linked with the Faultline SDK's crt0)");
            return EXIT_NO_RETURN;
        }
        Optional<Integer> status = returned(root);
        if (status.isPresent()) {
            return status.get();
        }
        err.println("faultline: " + root.name() + " did not return from main: " + whyNot(kernel, root.thread()));
        return EXIT_NO_RETURN;
    }

    private static int systemStatus(List<Program> programs) {
        return programs.stream().map(MachineRun::returned).flatMap(Optional::stream).filter(s -> s != 0).findFirst()
                .orElse(0);
    }

    private static boolean linkedWithCrt0(Program program) {
        return program.elf().symbols().byName("__sel4_main_returned").isPresent()
                && program.elf().symbols().byName("__sel4_exit_status").isPresent();
    }

    /** The low 8 bits of what the program's main returned, if it returned. */
    private static Optional<Integer> returned(Program program) {
        Optional<Symbol> returned = program.elf().symbols().byName("__sel4_main_returned");
        Optional<Symbol> status = program.elf().symbols().byName("__sel4_exit_status");
        AddressSpace memory = program.thread().slot(TcbSlot.VSPACE_ROOT).cap() instanceof PageTableCap vspace
                ? vspace.table().addressSpace() : null;
        if (returned.isEmpty() || status.isEmpty() || memory == null || readWord(memory, returned.get().value()) != 1) {
            return Optional.empty();
        }
        return Optional.of((int) readWord(memory, status.get().value()) & 0xff);
    }

    private static String whyNot(Kernel kernel, Tcb root) {
        if (kernel.isHalted()) {
            return "a thread halted the machine (seL4_DebugHalt)";
        }
        ThreadState state = root.state();
        if (state == ThreadState.INACTIVE) {
            return root.fault() != null ? "the root thread faulted with no fault handler (see the kernel's report)"
                    : "the root thread was suspended";
        }
        return "the root thread is " + state.sel4Name() + " and nothing is left to wake it";
    }

    private static long readWord(AddressSpace memory, long address) {
        byte[] bytes = new byte[8];
        if (memory.read(address, bytes, 0, 8) < 8) {
            return 0;
        }
        long word = 0;
        for (int i = 7; i >= 0; i--) {
            word = word << 8 | (bytes[i] & 0xff);
        }
        return word;
    }
}
