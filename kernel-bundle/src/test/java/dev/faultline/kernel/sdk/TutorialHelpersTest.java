package dev.faultline.kernel.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import dev.faultline.emulator.trap.TrapCause;

/**
 * The helpers seL4 tutorial code takes from libutils, sel4utils, sel4platsupport and
 * sel4tutorials (reference §7), included as the tutorials include them and run on the hart.
 */
class TutorialHelpersTest {

    private static SdkGuest start(String caseName) {
        return SdkGuest.rootTask(SdkToolchain.buildGuest("tutorial", "-O2", "harness.c", "tutorial_helpers.c"))
                .select(caseName);
    }

    private static SdkGuest run(String caseName, KernelAnswer answer) {
        SdkGuest guest = start(caseName);
        assertEquals(SdkGuest.Ending.EXITED, guest.run(answer), caseName + " did not reach the exit");
        return guest;
    }

    /** Runs a case that must end in abort(): an ebreak, after what it printed. */
    private static SdkGuest runToAbort(String caseName) {
        SdkGuest guest = start(caseName);
        assertEquals(SdkGuest.Ending.TRAPPED, guest.run(KernelAnswer.NONE), caseName + " did not abort");
        assertEquals(TrapCause.BREAKPOINT, guest.trap().cause());
        long pc = guest.trap().pc();
        // printf.c's __assert_fail may have abort() inlined.
        assertTrue(guest.isIn("abort", pc) || guest.isIn("__assert_fail", pc), "the trap is abort()'s ebreak");
        return guest;
    }

    @Test
    void arithmeticMacrosComputeAsLibutilsDoes() {
        SdkGuest guest = run("arithmetic", KernelAnswer.NONE);
        long[] expected = {4096, 31, 3, 3, 9, 0x2000, 0x1000, 1, 64};
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], guest.result(i), "results[" + i + "]");
        }
    }

    @Test
    void initLocalContextSetsPcSpArgumentsAndTheGlobalPointer() {
        SdkGuest guest = run("init_local_context", KernelAnswer.NONE);
        assertEquals(0, guest.result(0), "success");
        assertEquals(guest.result(7), guest.result(1), "pc = the entry function");
        assertEquals(guest.result(8), guest.result(2), "sp = the stack top");
        assertEquals(1, guest.result(3));
        assertEquals(2, guest.result(4));
        assertEquals(3, guest.result(5));
        assertEquals(guest.symbol("__global_pointer$"), guest.result(6), "gp");
        assertEquals(-1, guest.result(9), "a misaligned stack is refused");
        assertTrue(guest.console().contains("Initial stack pointer must be 16 byte aligned\n"), guest.console());
        assertEquals(0x1234, guest.result(10));
        assertEquals(0x5670, guest.result(11));
    }

    @Test
    void platsupportGetBootinfoReturnsTheBootInfoAndSetsUserDataToTheIpcBuffer() {
        SdkGuest guest = run("bootinfo", KernelAnswer.NONE);
        assertEquals(guest.bootInfoAddress(), guest.result(0));
        assertEquals(guest.ipcBufferAddress(), guest.result(1), "userData");
        assertEquals(SdkGuest.EMPTY_START, guest.result(2), "bootinfo->empty.start");
    }

    @Test
    void allocObjectTakesTheFirstEmptySlotAndRetypesFromTheFirstRamUntyped() {
        SdkGuest guest = run("allocate", KernelAnswer.reply(0));
        KernelEntry retype = guest.onlyCall();
        assertEquals(SdkGuest.UNTYPED_START + 1, retype.a()[0], "the device untyped is skipped");
        assertEquals(1, retype.label(), "UntypedRetype");
        long[] words = {2, 0, 0, 0, SdkGuest.EMPTY_START, 1};
        for (int i = 0; i < words.length; i++) {
            assertEquals(words[i], retype.mr(i), "MR" + i);
        }
        assertEquals(2, retype.cap(0), "into seL4_CapInitThreadCNode");
        assertEquals(SdkGuest.EMPTY_START, guest.result(0), "the new object's slot");
        assertEquals(SdkGuest.EMPTY_START + 1, guest.result(1), "empty.start moved on");
    }

    @Test
    void sel4StrerrorNamesTheErrors() {
        assertEquals("seL4_NoError seL4_FailedLookup seL4_NotEnoughMemory\n",
                run("strerror_names", KernelAnswer.NONE).console());
    }

    @Test
    void zfLogfIfPrintsWhereAndWhatFailedThenAborts() {
        String console = runToAbort("log_fatal_if").console();
        assertTrue(console.startsWith("log_fatal_if@"), console);
        assertTrue(console.contains("tutorial_helpers.c:"), console);
        assertTrue(console.endsWith(" [Cond failed: error != 0]\n\tFailed to retype thread: 2\n"), console);
    }

    @Test
    void zfLogfIferrNamesTheErrorThenAborts() {
        String console = runToAbort("log_fatal_if_error").console();
        assertTrue(console.startsWith("log_fatal_if_error@"), console);
        assertTrue(console.endsWith(" [Err seL4_InvalidCapability]:\n\tFailed to start new thread.\n"), console);
    }

    @Test
    void zfLogfPrintsItsMessageThenAborts() {
        String console = runToAbort("log_fatal").console();
        assertTrue(console.startsWith("log_fatal@"), console);
        assertTrue(console.endsWith(" Failed to suspend current thread\n"), console);
    }

    @Test
    void infoLogsPrintAndDebugLogsStaySilentByDefault() {
        String console = run("log_info_and_debug", KernelAnswer.NONE).console();
        assertTrue(console.startsWith("log_info_and_debug@") && console.endsWith(" shown 1\n"), console);
        assertTrue(!console.contains("hidden"), console);
    }

    @Test
    void aFailedAssertPrintsTheExpressionAndWhereThenAborts() {
        String console = runToAbort("assert_failure").console();
        assertTrue(console.startsWith("Assertion failed: slots == 4 ("), console);
        assertTrue(console.contains("tutorial_helpers.c: assert_failure: "), console);
    }

    @Test
    void aHoldingAssertLetsTheProgramContinue() {
        assertEquals(1, run("assert_success", KernelAnswer.NONE).result(0));
    }
}
