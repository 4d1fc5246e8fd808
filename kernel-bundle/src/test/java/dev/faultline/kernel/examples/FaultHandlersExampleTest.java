package dev.faultline.kernel.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
        Fault.CapFault fault = (Fault.CapFault) raised.fault();
        assertEquals(new LookupFailure.MissingCapability(0), fault.failure());
        assertEquals(5, fault.message().length, "IP, Addr, InRecvPhase, LookupFailureType, BitsLeft");
        assertEquals(raised.trapframe()[0], fault.faultIp());
        // A cap fault always restarts: after the reply, the faulter makes the same NBRecv on the same slot.
        run.assertNbRecvAfter(raised.time(), raised.thread(), fault.address());
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
