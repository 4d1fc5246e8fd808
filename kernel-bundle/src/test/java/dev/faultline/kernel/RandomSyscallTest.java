package dev.faultline.kernel;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;

import org.junit.jupiter.api.Test;

import dev.faultline.emulator.elf.ElfFile;
import dev.faultline.emulator.elf.ElfFormatException;
import dev.faultline.kernel.boot.BootException;
import dev.faultline.kernel.boot.InitialSlots;
import dev.faultline.kernel.boot.RootTaskBoot;
import dev.faultline.kernel.invariant.InvariantChecker;
import dev.faultline.kernel.object.Tcb;

/**
 * Random system calls from the four threads of a {@link LoopSystem}, or from a root task holding
 * every boot cap, with every invariant checked at every kernel exit: whatever a guest asks, the
 * kernel answers with a fault or an seL4 error, never a Java exception, and its state stays sound.
 * Seeded: a failure names the seed that reproduces it (-Dfaultline.random.seed=S runs from it;
 * -Dfaultline.random.entries=N sets the number of kernel entries in all, and
 * -Dfaultline.random.perMachine=M how many one machine makes before a fresh one boots).
 */
class RandomSyscallTest {

    private static final long SEED = Long.getLong("faultline.random.seed", 0x5eed_f417L);
    private static final long ENTRIES = Long.getLong("faultline.random.entries", 2_000_000);
    /** Entries per machine before a fresh one boots: random CNode deletes and revokes wear a system down. */
    private static final long ENTRIES_PER_MACHINE = Long.getLong("faultline.random.perMachine", 20_000);
    /** A small machine for the root task: 64 MiB, a 2^8-slot root CNode, a timer on line 1. */
    private static final KernelConfig ROOT_TASK = new KernelConfig(0x8000_0000L, 1L << 26, 8, 100_000, 64, 0, 0)
            .withTimer(3000, 1);

    @Test
    void randomSystemCallsFromSeveralThreadsKeepEveryInvariant() {
        long entries = 0;
        for (long machine = 0; entries < ENTRIES; machine++) {
            entries += runMachine(SEED + machine);
        }
        assertTrue(entries >= ENTRIES);
    }

    /**
     * Boots a machine, the loop system or (every other seed) a root task with every boot cap, and
     * makes random calls until enough entries are done or it halts; answers the entries made.
     */
    private static long runMachine(long seed) {
        Kernel kernel;
        RandomEntries random;
        if (seed % 2 == 0) {
            kernel = new Kernel(KernelConfig.DEFAULT.withJournalCapacity(64), Console.NONE);
            LoopSystem.boot(kernel);
            random = new RandomEntries(kernel, seed, LoopSystem.loopPc(), 1 << LoopSystem.CNODE_BITS,
                    LoopSystem.SELF_CNODE, LoopSystem.NEIGHBOUR_CNODE);
        } else {
            kernel = new Kernel(ROOT_TASK, Console.NONE);
            try {
                RootTaskBoot.boot(kernel, ElfFile.read(LoopSystem.elf()));
            } catch (IOException | ElfFormatException | BootException e) {
                throw new AssertionError(e);
            }
            random = new RandomEntries(kernel, seed, LoopSystem.loopPc(), 1 << ROOT_TASK.rootCNodeBits(),
                    InitialSlots.CNODE);
        }
        InvariantChecker.checkAfterEveryEntry(kernel);
        RandomEntries calls = random;
        kernel.addEntryListener(() -> {
            if (kernel.scheduler().current() == null) {
                revive(kernel);
            }
            calls.next();
        });
        try {
            while (kernel.kernelEntries() < ENTRIES_PER_MACHINE) {
                Kernel.Exit exit = kernel.run(1_000_000);
                if (exit == Kernel.Exit.HALTED || exit == Kernel.Exit.IDLE) {
                    break;
                }
            }
        } catch (RuntimeException | Error e) {
            throw new AssertionError("seed " + seed + " (rerun with -Dfaultline.random.seed=" + seed
                    + "), kernel entry " + kernel.kernelEntries() + ", last call " + random.lastCall() + ": " + e, e);
        }
        return kernel.kernelEntries();
    }

    /** When no thread can run, a debugger's resume (seL4 restart) wakes every stopped one. */
    private static void revive(Kernel kernel) {
        for (Tcb thread : kernel.objects().all(Tcb.class)) {
            if (thread.state().isStopped()) {
                kernel.services().threads().restart(thread);
            }
        }
    }
}
