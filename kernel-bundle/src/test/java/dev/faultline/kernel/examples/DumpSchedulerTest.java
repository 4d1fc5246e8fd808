package dev.faultline.kernel.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import dev.faultline.emulator.testing.Toolchain;
import dev.faultline.kernel.Kernel;
import dev.faultline.kernel.sdk.SdkToolchain;

/**
 * seL4_DebugDumpScheduler prints seL4's table (include/api/debug.h, debug_dumpScheduler), which
 * the threads example showed the model printing otherwise.
 */
class DumpSchedulerTest {

    /** A root task that retypes a TCB, names it, gives it a pc, and dumps from a labelled ecall. */
    private static final String PROGRAM = """
            #include <sel4/sel4.h>
            #include <sel4platsupport/bootinfo.h>

            void started_here(void) {}

            static void make_tcb(seL4_BootInfo *info, seL4_CPtr slot)
            {
                for (seL4_CPtr u = info->untyped.start; u < info->untyped.end; u++) {
                    if (!seL4_Untyped_Retype(u, seL4_TCBObject, seL4_TCBBits, seL4_CapInitThreadCNode, 0, 0, slot, 1)) {
                        return;
                    }
                }
            }

            int main(void)
            {
                seL4_BootInfo *info = platsupport_get_bootinfo();
                seL4_CPtr tcb = info->empty.start;
                make_tcb(info, tcb);
                make_tcb(info, tcb + 1);
                seL4_DebugNameThread(tcb, "a thread with a name longer than forty characters");
                seL4_TCB_SetPriority(tcb, seL4_CapInitThreadTCB, 7);
                seL4_UserContext regs = {0};
                regs.pc = (seL4_Word) started_here;
                seL4_TCB_WriteRegisters(tcb, 0, 0, 1, &regs);
                __asm__ volatile("li a7, -10\\n li a0, 0\\n .globl dump_ecall\\n dump_ecall: ecall\\n"
                                 ::: "a0", "a7", "memory");
                return 0;
            }
            """;

    private static Path program() {
        try {
            Path source = Toolchain.buildDir().resolve("examples-units/dump_scheduler.c");
            Files.createDirectories(source.getParent());
            if (!Files.exists(source) || !Files.readString(source).equals(PROGRAM)) {
                Files.writeString(source, PROGRAM);
            }
            return SdkToolchain.buildProgram("dump-scheduler", source);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // On a uniprocessor non-MCS kernel with one domain, seL4 walks its debug list of threads
    // (new TCBs go to its head; boot adds the root task, then the idle thread) and prints for each
    // the name, the state, the restart address (FaultIP) through the kernel's musl-derived %p
    // (0x and 16 digits, or 16 zeros for 0) and the priority.
    @Test
    void theDumpListsThreadsNewestFirstWithTheIdleThreadBeforeTheRootTaskAndTheirRestartAddresses() {
        ExampleRun run = ExampleRun.run(program());
        assertEquals(Kernel.Exit.IDLE, run.exit);
        String pc = String.format("0x%016x", run.symbol("started_here"));
        String ecall = String.format("0x%016x", run.symbol("dump_ecall"));
        String expected = "Dumping all tcbs!\n"
                + "Name                                       State              IP                   Prio\n"
                + "----------------------------------------------------------------------------------------\n"
                + "child of: 'rootserver'                     inactive           0000000000000000        0\n"
                + "a thread with a name longer than forty characters   inactive           " + pc + "      7\n"
                + "idle_thread                                idle               0000000000000000        0\n"
                + "rootserver                                 running            " + ecall + "    255\n";
        assertEquals(expected, run.console);
    }
}
