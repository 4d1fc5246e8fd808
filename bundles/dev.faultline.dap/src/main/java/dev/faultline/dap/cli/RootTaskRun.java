package dev.faultline.dap.cli;

import java.io.PrintStream;
import java.util.Optional;

import dev.faultline.emulator.elf.ElfFile;
import dev.faultline.emulator.elf.Symbol;
import dev.faultline.emulator.memory.AddressSpace;
import dev.faultline.kernel.Console;
import dev.faultline.kernel.Kernel;
import dev.faultline.kernel.KernelConfig;
import dev.faultline.kernel.boot.BootException;
import dev.faultline.kernel.boot.RootTaskBoot;
import dev.faultline.kernel.object.Capability.PageTableCap;
import dev.faultline.kernel.object.Tcb;
import dev.faultline.kernel.object.TcbSlot;
import dev.faultline.kernel.object.ThreadState;

/**
 * A root task run to its end on the kernel model, as `faultline run` does it: the guest's console
 * and the kernel's reports go to out in the order they come, and the exit status is the value
 * main returned, which the SDK's crt0 leaves in __sel4_exit_status (with __sel4_main_returned
 * set to 1), read from the guest's memory once the machine is idle or halted.
 */
final class RootTaskRun {

    /** The status when the root task never returned from main: it stopped, faulted, deadlocked or halted. */
    static final int EXIT_NO_RETURN = 125;
    /** The status when --limit stopped the run, as for bare guests. */
    static final int EXIT_LIMIT = 124;
    /** How many instructions the kernel runs between looks at the limit. */
    private static final long SLICE = 1L << 30;

    private RootTaskRun() {
    }

    /** Boots elf as the root task and runs it for at most limit instructions; answers the exit status. */
    static int run(ElfFile elf, String name, long limit, PrintStream out, PrintStream err) {
        Kernel kernel = new Kernel(KernelConfig.DEFAULT.withJournalCapacity(0), new Console() {
            @Override
            public void guestByte(int b) {
                out.write(b);
            }

            @Override
            public void kernelReport(String text) {
                out.print(text);
            }
        });
        Tcb root;
        try {
            root = RootTaskBoot.boot(kernel, elf);
        } catch (BootException e) {
            err.println("faultline: cannot boot " + name + " as a root task: " + e.getMessage());
            return 2;
        }
        Kernel.Exit exit = Kernel.Exit.BUDGET;
        while (exit == Kernel.Exit.BUDGET && kernel.now() < limit) {
            exit = kernel.run(Math.min(SLICE, limit - kernel.now()));
        }
        out.flush();
        return switch (exit) {
            case IDLE, HALTED -> status(elf, name, kernel, root, err);
            case BUDGET -> {
                err.println("faultline: " + name + " was stopped after " + kernel.now() + " instructions (--limit)");
                yield EXIT_LIMIT;
            }
            case DEBUG_STOP -> throw new IllegalStateException("a run set no breakpoints, yet one stopped it");
        };
    }

    /** main's value (its low 8 bits, as a process's status), or EXIT_NO_RETURN with the reason on err. */
    private static int status(ElfFile elf, String name, Kernel kernel, Tcb root, PrintStream err) {
        Optional<Symbol> returned = elf.symbols().byName("__sel4_main_returned");
        Optional<Symbol> status = elf.symbols().byName("__sel4_exit_status");
        if (returned.isEmpty() || status.isEmpty()) {
            err.println("faultline: " + name + " has no exit status: it defines no __sel4_main_returned and"
                    + " __sel4_exit_status (it was not linked with the Faultline SDK's crt0)");
            return EXIT_NO_RETURN;
        }
        AddressSpace memory = root.slot(TcbSlot.VSPACE_ROOT).cap() instanceof PageTableCap vspace
                ? vspace.table().addressSpace() : null;
        if (memory != null && readWord(memory, returned.get().value()) == 1) {
            return (int) readWord(memory, status.get().value()) & 0xff;
        }
        err.println("faultline: " + name + " did not return from main: " + whyNot(kernel, root));
        return EXIT_NO_RETURN;
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
