package dev.faultline.kernel.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.faultline.kernel.Kernel;
import dev.faultline.kernel.api.ObjectType;
import dev.faultline.kernel.journal.KernelEvent.FaultRaised;
import dev.faultline.kernel.journal.KernelEvent.ObjectCreated;
import dev.faultline.kernel.object.Tcb;
import dev.faultline.kernel.object.TcbSlot;
import dev.faultline.kernel.object.ThreadState;

/** examples/pager: a client's VM faults served by a pager that maps frames from its untyped pool. */
class PagerExampleTest {

    private static SystemRun run;
    private static Tcb client;

    @BeforeAll
    static void runTheExample() {
        run = SystemRun.example("pager");
        client = run.thread("client");
    }

    @Test
    void theConsoleIsExactlyTheExpectedOutput() {
        assertEquals(ExampleRun.expected("pager"), run.console);
    }

    @Test
    void theFaultEventsAreExactlyTheExpectedOnes() {
        assertEquals(FaultJournal.expected("pager"), run.faultJournal());
    }

    @Test
    void thePagerRetypedThreeFramesAndThreePageTablesFromItsPool() {
        List<ObjectType> made = run.kernel.journal().events(ObjectCreated.class).stream().filter(e -> e.untyped() != 0)
                .map(ObjectCreated::type).toList();
        assertEquals(List.of(ObjectType.SMALL_PAGE, ObjectType.PAGE_TABLE, ObjectType.PAGE_TABLE, ObjectType.SMALL_PAGE,
                ObjectType.SMALL_PAGE, ObjectType.PAGE_TABLE), made);
    }

    @Test
    void theAccessOutsideEveryWindowLeavesTheClientBlockedWithoutAReplyCap() {
        FaultRaised last = run.kernel.journal().events(FaultRaised.class).getLast();
        assertEquals(client.id(), last.thread());
        assertEquals(ThreadState.BLOCKED_ON_REPLY, client.state());
        assertEquals(ThreadState.BLOCKED_ON_RECEIVE, run.thread("pager").state());
        // The pager's next Recv deleted the reply cap: nothing can answer the client now.
        assertTrue(run.thread("pager").slot(TcbSlot.CALLER).isEmpty());
        assertEquals(Kernel.Exit.IDLE, run.exit);
    }

    @Test
    void aSecondRunMakesTheSameJournal() {
        SystemRun again = SystemRun.example("pager");
        assertEquals(run.events(), again.events());
        assertEquals(run.console, again.console);
    }
}
