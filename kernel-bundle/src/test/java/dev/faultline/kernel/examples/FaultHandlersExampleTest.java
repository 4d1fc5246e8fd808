package dev.faultline.kernel.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.faultline.kernel.Kernel;
import dev.faultline.kernel.api.Fault;
import dev.faultline.kernel.api.LookupFailure;
import dev.faultline.kernel.journal.KernelEvent;
import dev.faultline.kernel.object.ThreadState;

/** examples/fault-handlers: seL4's fault-handling tutorial as a system of a faulter and a handler. */
class FaultHandlersExampleTest {

    private static SystemRun run;

    @BeforeAll
    static void runTheExample() {
        run = SystemRun.example("fault-handlers");
    }

    @Test
    void theConsoleIsExactlyTheExpectedOutput() {
        assertEquals(ExampleRun.expected("fault-handlers"), run.console);
    }

    @Test
    void theFaultEventsAreExactlyTheExpectedOnes() {
        assertEquals(FaultJournal.expected("fault-handlers"), run.faultJournal());
    }

    @Test
    void theCapFaultIsAReceivePhaseMissingCapabilityAtTheNbRecvAndIsRetriedThere() {
        KernelEvent.FaultRaised raised = run.kernel.journal().events(KernelEvent.FaultRaised.class).getFirst();
        assertEquals(3, ((Fault.CapFault) raised.fault()).address());
        Fault.CapFault fault = (Fault.CapFault) raised.fault();
        assertEquals(new LookupFailure.MissingCapability(0), fault.failure());
        assertEquals(5, fault.message().length, "IP, Addr, InRecvPhase, LookupFailureType, BitsLeft");
        assertEquals(raised.trapframe().pc(), fault.faultIp());
        // A cap fault always restarts: after the reply, the faulter makes the same NBRecv on the same slot.
        run.assertNbRecvAfter(raised.time(), raised.thread(), fault.address());
    }

    @Test
    void theSecondFaultIsRecoveredByTcbResumeWhichRestartsTheFaulterAndDropsTheReplyCap() {
        KernelEvent.FaultRaised second = run.kernel.journal().events(KernelEvent.FaultRaised.class).getLast();
        long faulter = run.thread("faulter").id();
        run.assertNbRecvAfter(second.time(), faulter, 5);
        List<String> changes = run.kernel.journal().events(KernelEvent.ThreadStateChanged.class).stream()
                .filter(e -> e.thread() == faulter && e.time() >= second.time()).map(e -> e.from() + " -> " + e.to())
                .toList();
        assertEquals(List.of("RUNNING -> BLOCKED_ON_REPLY", "BLOCKED_ON_REPLY -> RESTART", "RESTART -> RUNNING",
                "RUNNING -> RESTART", "RESTART -> INACTIVE"), changes, "faulted, resumed, ran, suspended itself");
        assertEquals(1, run.kernel.journal().events(KernelEvent.FaultReplyApplied.class).size(), "only the first was a reply");
        assertNull(run.thread("faulter").fault());
    }

    @Test
    void bothProgramsEndByReturningFromMain() {
        assertEquals(Kernel.Exit.IDLE, run.exit);
        assertEquals(ThreadState.INACTIVE, run.thread("faulter").state());
        assertEquals(ThreadState.INACTIVE, run.thread("handler").state());
    }

    @Test
    void aSecondRunMakesTheSameJournal() {
        SystemRun again = SystemRun.example("fault-handlers");
        assertEquals(run.events(), again.events());
    }
}
