package dev.faultline.kernel.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import dev.faultline.emulator.elf.Segment;
import dev.faultline.emulator.trap.TrapCause;

/** crt0.S and link.ld on the hart: what a root task and a loader-started program find in main, and how they stop when main returns (reference §6.3). */
class Crt0Test {

    private static Path probe() {
        return SdkToolchain.buildGuest("crt0", "-O2", "crt0_probe.c");
    }

    private static long seen(SdkGuest guest, int i) {
        return guest.readWord(guest.symbol("seen") + 8L * i);
    }

    @Test
    void aRootTaskRunsMainWithGpFromTheLinkerScriptAndSpOnTheStaticStack() {
        SdkGuest guest = SdkGuest.rootTask(probe());
        assertEquals(SdkGuest.Ending.EXITED, guest.run(KernelAnswer.NONE));
        assertEquals(0x600d, seen(guest, 7), "main ran to its end");
        assertEquals(guest.symbol("__global_pointer$"), seen(guest, 0), "gp");
        long sp = seen(guest, 1);
        assertTrue(sp > guest.symbol("__stack_bottom") && sp <= guest.symbol("__stack_top"), "sp on the static stack");
        assertEquals(0, guest.symbol("__stack_top") % 16, "the stack top is 16-byte aligned");
    }

    @Test
    void aRootTaskRecordsTheBootInfoAndTakesItsIpcBufferFromIt() {
        SdkGuest guest = SdkGuest.rootTask(probe());
        guest.run(KernelAnswer.NONE);
        assertEquals(guest.bootInfoAddress(), seen(guest, 2), "seL4_GetBootInfo()");
        assertEquals(guest.ipcBufferAddress(), seen(guest, 3), "seL4_GetIPCBuffer() = bootinfo->ipcBuffer");
        assertEquals(guest.ipcBufferAddress(), guest.readWord(guest.symbol("__sel4_ipc_buffer")));
    }

    @Test
    void mainGetsNoArgumentsAndATerminatedArgv() {
        SdkGuest guest = SdkGuest.rootTask(probe());
        guest.run(KernelAnswer.NONE);
        assertEquals(0, seen(guest, 4), "argc");
        assertEquals(guest.symbol("__sel4_argv"), seen(guest, 5), "argv");
        assertEquals(0, seen(guest, 6), "argv[0]");
    }

    @Test
    void whenMainReturnsARootTaskSuspendsItsOwnTcb() {
        SdkGuest guest = SdkGuest.rootTask(probe());
        assertEquals(SdkGuest.Ending.EXITED, guest.run(KernelAnswer.NONE));
        assertTrue(guest.calls().isEmpty(), "no other system call");
        KernelEntry exit = guest.exitCall();
        assertEquals(-1, exit.syscall(), "a Call");
        assertEquals(1, exit.a()[0], "on seL4_CapInitThreadTCB");
        assertEquals(11L << 12, exit.info(), "TCBSuspend, no caps, no MRs");
        for (int i = 2; i <= 5; i++) {
            assertEquals(0, exit.a()[i], "a" + i);
        }
    }

    @Test
    void whenMainReturnsCrt0RecordsItsValueAsTheExitStatusBeforeSuspending() {
        SdkGuest guest = SdkGuest.rootTask(probe());
        assertEquals(0, guest.readWord(guest.symbol("__sel4_main_returned")), "the loader's zero before main runs");
        assertEquals(SdkGuest.Ending.EXITED, guest.run(KernelAnswer.NONE));
        assertEquals(42, guest.readWord(guest.symbol("__sel4_exit_status")), "crt0_probe's main returns 42");
        assertEquals(1, guest.readWord(guest.symbol("__sel4_main_returned")));
    }

    @Test
    void aNegativeExitStatusIsStoredSignExtendedToAWord() {
        SdkGuest guest = SdkGuest.rootTask(SdkToolchain.buildGuest("crt0-negative", "-O2", "crt0_negative.c"));
        assertEquals(SdkGuest.Ending.EXITED, guest.run(KernelAnswer.NONE));
        assertEquals(-3, guest.readWord(guest.symbol("__sel4_exit_status")));
        assertEquals(1, guest.readWord(guest.symbol("__sel4_main_returned")));
    }

    @Test
    void aMainThatNeverReturnsLeavesTheReturnedFlagClear() {
        SdkGuest guest = SdkGuest.rootTask(SdkToolchain.buildGuest("crt0-forever", "-O2", "crt0_forever.c"));
        assertEquals(SdkGuest.Ending.TRAPPED, guest.run(KernelAnswer.NONE));
        assertEquals(0, guest.readWord(guest.symbol("__sel4_main_returned")), "main stopped in its own ebreak");
    }

    @Test
    void ifTheSuspendReturnsTheThreadTrapsInsteadOfRunningOn() {
        SdkGuest guest = SdkGuest.rootTask(probe());
        guest.run(KernelAnswer.NONE);
        guest.setRegister("a1", 2L << 12); // the kernel answers seL4_InvalidCapability
        assertEquals(SdkGuest.Ending.TRAPPED, guest.resumeAfterExit(KernelAnswer.NONE));
        assertEquals(TrapCause.BREAKPOINT, guest.trap().cause());
        assertTrue(guest.isIn("_start", guest.trap().pc()), "the trap is in _start");
    }

    @Test
    void aLoaderStartedProgramKeepsTheIpcBufferTheLoaderWroteAndHasNoBootInfo() {
        SdkGuest guest = SdkGuest.loaderStarted(probe());
        assertEquals(SdkGuest.Ending.TRAPPED, guest.run(KernelAnswer.NONE));
        assertEquals(0x600d, seen(guest, 7), "main ran to its end");
        assertEquals(guest.symbol("__global_pointer$"), seen(guest, 0), "gp");
        assertEquals(0, seen(guest, 2), "seL4_GetBootInfo()");
        assertEquals(guest.ipcBufferAddress(), seen(guest, 3), "seL4_GetIPCBuffer()");
    }

    @Test
    void aLoaderStartedProgramWithoutAnExitTcbTrapsWhenMainReturns() {
        SdkGuest guest = SdkGuest.loaderStarted(probe());
        assertEquals(SdkGuest.Ending.TRAPPED, guest.run(KernelAnswer.NONE));
        assertNull(guest.exitCall(), "no Suspend on a guessed slot");
        assertTrue(guest.calls().isEmpty());
        assertEquals(TrapCause.BREAKPOINT, guest.trap().cause());
    }

    @Test
    void aLoaderCanBindTheExitTcbThatCrt0Suspends() {
        SdkGuest guest = SdkGuest.loaderStarted(probe());
        guest.writeWord(guest.symbol("__sel4_exit_tcb"), 9);
        assertEquals(SdkGuest.Ending.EXITED, guest.run(KernelAnswer.NONE));
        assertEquals(9, guest.exitCall().a()[0]);
        assertEquals(11L << 12, guest.exitCall().info());
    }

    @Test
    void theStaticStackLiesInsideAWritableLoadSegment() {
        SdkGuest guest = SdkGuest.rootTask(probe());
        long bottom = guest.symbol("__stack_bottom");
        long top = guest.symbol("__stack_top");
        assertEquals(0x10000, top - bottom, "64 KiB by default");
        Segment segment = guest.elf().loadSegments().stream().filter(s -> s.contains(bottom)).findFirst()
                .orElseThrow(() -> new AssertionError("no PT_LOAD covers the stack"));
        assertTrue(segment.isWritable());
        assertTrue(top <= segment.endAddress(), "the segment covers the whole stack");
    }

    @Test
    void loadSegmentsStartOnPagesWithTextReadOnlyDataAndDataApart() {
        SdkGuest guest = SdkGuest.rootTask(probe());
        var segments = guest.elf().loadSegments();
        assertEquals(3, segments.size(), segments.toString());
        assertEquals(0x10000, segments.get(0).virtualAddress());
        assertTrue(segments.get(0).isExecutable() && !segments.get(0).isWritable(), "text is RX");
        assertTrue(segments.get(1).isReadable() && !segments.get(1).isWritable() && !segments.get(1).isExecutable(),
                "rodata is R");
        assertTrue(segments.get(2).isWritable() && !segments.get(2).isExecutable(), "data and bss are RW");
        for (Segment segment : segments) {
            assertEquals(0, segment.virtualAddress() % 4096, segment + " starts on a page");
        }
        assertEquals(guest.symbol("_start"), guest.elf().entry());
    }
}
