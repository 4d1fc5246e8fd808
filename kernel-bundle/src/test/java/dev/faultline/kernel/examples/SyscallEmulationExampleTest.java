package dev.faultline.kernel.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.faultline.kernel.Kernel;
import dev.faultline.kernel.api.Fault;
import dev.faultline.kernel.journal.KernelEvent.FaultRaised;
import dev.faultline.kernel.journal.KernelEvent.FaultReplyApplied;
import dev.faultline.kernel.object.ThreadState;

/** examples/syscall-emulation: Linux system calls served by an UnknownSyscall fault handler. */
class SyscallEmulationExampleTest {

    private static ExampleRun run;

    @BeforeAll
    static void runTheExample() {
        run = ExampleRun.example("syscall-emulation");
    }

    @Test
    void theConsoleIsExactlyTheExpectedOutput() {
        assertEquals(ExampleRun.expected("syscall-emulation"), run.console);
    }

    @Test
    void theFaultEventsAreExactlyTheExpectedOnes() {
        assertEquals(FaultJournal.expected("syscall-emulation"), run.faultJournal());
    }

    @Test
    void eachFaultIsAtAnEcallAndEachReplyThatRestartsMovesThePcFourBytesOn() {
        List<FaultRaised> faults = run.events(FaultRaised.class);
        List<FaultReplyApplied> replies = run.events(FaultReplyApplied.class);
        assertEquals(4, faults.size());
        assertEquals(4, replies.size());
        for (int i = 0; i < faults.size(); i++) {
            Fault.UnknownSyscall fault = (Fault.UnknownSyscall) faults.get(i).fault();
            assertEquals(0x00000073L, run.readWord(fault.faultIp()) & 0xffffffffL, "an ecall at FaultIP");
            if (replies.get(i).restarted()) {
                assertEquals(fault.faultIp() + 4, replies.get(i).written().get("pc"));
            }
        }
        assertEquals(List.of(true, true, true, false), replies.stream().map(FaultReplyApplied::restarted).toList());
    }

    @Test
    void theClientStopsAtExitAndTheEmulatorReturnsZero() {
        assertEquals(Kernel.Exit.IDLE, run.exit);
        assertEquals(ThreadState.INACTIVE, run.thread("client").state());
        assertEquals(1, run.readWord(run.symbol("__sel4_main_returned")));
        assertEquals(0, run.readWord(run.symbol("__sel4_exit_status")));
    }

    @Test
    void aSecondRunMakesTheSameJournal() {
        ExampleRun again = ExampleRun.example("syscall-emulation");
        assertEquals(run.events(), again.events());
        assertEquals(run.console, again.console);
    }
}
