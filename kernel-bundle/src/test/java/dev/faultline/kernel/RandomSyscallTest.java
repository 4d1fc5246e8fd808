package dev.faultline.kernel;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collection;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.faultline.kernel.invariant.InvariantChecker;
import dev.faultline.kernel.object.Tcb;

/**
 * Random system calls from the four threads of a {@link LoopSystem}, with every invariant checked
 * at every kernel exit: whatever a guest asks, the kernel answers with a fault or an seL4 error,
 * never a Java exception, and its state stays sound. Seeded: a failure names the seed that reproduces it (-Dfaultline.random.seed=S runs
 * from it; -Dfaultline.random.entries=N sets the number of kernel entries in all).
 */
class RandomSyscallTest {

    private static final long SEED = Long.getLong("faultline.random.seed", 0x5eed_f417L);
    private static final long ENTRIES = Long.getLong("faultline.random.entries", 1_500_000);
    /** Entries per machine before a fresh one boots: random CNode deletes and revokes wear a system down. */
    private static final long ENTRIES_PER_MACHINE = 20_000;

    @Test
    void randomSystemCallsFromSeveralThreadsKeepEveryInvariant() {
        long entries = 0;
        for (long machine = 0; entries < ENTRIES; machine++) {
            entries += runMachine(SEED + machine);
        }
        assertTrue(entries >= ENTRIES);
    }

    /** Boots the system and makes random calls until enough entries are done or it halts; answers the entries made. */
    private static long runMachine(long seed) {
        Kernel kernel = new Kernel(KernelConfig.DEFAULT.withJournalCapacity(64), Console.NONE);
        Map<String, Tcb> threads = LoopSystem.boot(kernel);
        RandomEntries random = new RandomEntries(kernel, seed, LoopSystem.loopPc(), 1 << LoopSystem.CNODE_BITS);
        InvariantChecker.checkAfterEveryEntry(kernel);
        kernel.addEntryListener(() -> {
            if (kernel.scheduler().current() == null) {
                revive(kernel, threads.values());
            }
            random.next();
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

    /** When no thread can run, a debugger's resume (seL4 restart) wakes the stopped ones that still live. */
    private static void revive(Kernel kernel, Collection<Tcb> threads) {
        for (Tcb thread : threads) {
            if (kernel.objects().find(thread.id()) == thread && thread.state().isStopped()) {
                kernel.services().threads().restart(thread);
            }
        }
    }
}
