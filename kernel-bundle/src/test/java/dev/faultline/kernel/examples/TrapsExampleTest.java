package dev.faultline.kernel.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.faultline.kernel.Kernel;
import dev.faultline.kernel.examples.ExampleRun.Step;
import dev.faultline.kernel.journal.KernelEvent.DoubleFault;
import dev.faultline.kernel.journal.KernelEvent.FaultDelivered;
import dev.faultline.kernel.journal.KernelEvent.FaultRaised;
import dev.faultline.kernel.journal.KernelEvent.FaultReplyApplied;
import dev.faultline.kernel.journal.KernelEvent.ThreadStateChanged;
import dev.faultline.kernel.object.Tcb;
import dev.faultline.kernel.object.ThreadState;

/** examples/traps: a trap lab's six traps as seL4 faults, without a handler and with one. */
class TrapsExampleTest {

    private static final List<String> TRAPS = List.of("ebreak", "illegal", "load", "store", "syscall", "fetch");

    private static ExampleRun run;

    @BeforeAll
    static void runTheExample() {
        run = ExampleRun.example("traps");
    }

    @Test
    void theConsoleIsExactlyTheExpectedOutput() {
        assertEquals(ExampleRun.expected("traps"), run.console);
    }

    @Test
    void theFaultEventsAreExactlyTheExpectedOnes() {
        assertEquals(FaultJournal.expected("traps"), run.faultJournal());
    }

    @Test
    void withoutAHandlerEachTrapIsADoubleFaultThatStopsItsThread() {
        List<DoubleFault> doubleFaults = run.events(DoubleFault.class);
        assertEquals(TRAPS.stream().map(t -> "no-handler-" + t).toList(),
                doubleFaults.stream().map(DoubleFault::threadName).toList());
        for (String trap : TRAPS) {
            assertEquals(ThreadState.INACTIVE, run.thread("no-handler-" + trap).state());
        }
    }

    @Test
    void aVmFaultIsRecoveredByWriteRegistersWhichRestartsTheThreadWithoutAReply() {
        Tcb trapper = run.thread("trapper");
        List<FaultRaised> vmFaults = run.events(FaultRaised.class).stream()
                .filter(e -> e.thread() == trapper.id() && e.fault().kind().equals("VMFault")).toList();
        assertEquals(3, vmFaults.size(), "load, store and fetch");
        for (FaultRaised fault : vmFaults) {
            run.assertInOrder(
                    Step.of(FaultRaised.class, "the VM fault", e -> e.equals(fault)),
                    Step.of(FaultDelivered.class, "its delivery", e -> e.thread() == trapper.id()),
                    Step.of(ThreadStateChanged.class, "WriteRegisters restarting the trapper",
                            e -> e.thread() == trapper.id() && e.from() == ThreadState.BLOCKED_ON_REPLY
                                    && e.to() == ThreadState.RESTART));
        }
        // Six faults, but only the three that are not VM faults were answered by a reply.
        assertEquals(3, run.events(FaultReplyApplied.class).size());
        assertNull(trapper.fault(), "restarting a faulted thread clears its fault");
        assertEquals(ThreadState.INACTIVE, trapper.state(), "it suspended itself after the last trap");
    }

    @Test
    void theRootTaskReturnsZero() {
        assertEquals(Kernel.Exit.IDLE, run.exit);
        assertEquals(1, run.readWord(run.symbol("__sel4_main_returned")));
        assertEquals(0, run.readWord(run.symbol("__sel4_exit_status")));
    }

    @Test
    void aSecondRunMakesTheSameJournal() {
        ExampleRun again = ExampleRun.example("traps");
        assertEquals(run.events(), again.events());
        assertEquals(run.console, again.console);
    }
}
