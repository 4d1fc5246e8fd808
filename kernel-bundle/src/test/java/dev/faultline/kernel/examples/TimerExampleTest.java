package dev.faultline.kernel.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.faultline.kernel.Kernel;
import dev.faultline.kernel.journal.KernelEvent;
import dev.faultline.kernel.journal.KernelEvent.InterruptRaised;
import dev.faultline.kernel.journal.KernelEvent.Signalled;
import dev.faultline.kernel.journal.KernelEvent.ThreadSwitched;
import dev.faultline.kernel.object.Tcb;
import dev.faultline.kernel.object.ThreadState;

/** examples/timer: a driver counts and acknowledges timer ticks that preempt a computing worker. */
class TimerExampleTest {

    private static final long PERIOD = 10_000;
    private static final int TICKS = 10;
    /** How far the worker's end stays from a tick, so that small changes in code leave the count as it is. */
    private static final long MARGIN = 3_000;

    private static SystemRun run;
    private static Tcb driver;
    private static Tcb worker;

    @BeforeAll
    static void runTheExample() {
        run = SystemRun.example("timer");
        driver = run.thread("driver");
        worker = run.thread("worker");
    }

    @Test
    void theConsoleIsExactlyTheExpectedOutput() {
        assertEquals(ExampleRun.expected("timer"), run.console);
    }

    @Test
    void theInterruptEventsAreExactlyTheExpectedOnes() {
        assertEquals(FaultJournal.expected("timer"), run.faultJournal());
    }

    @Test
    void eachTickFallsOnItsPeriodAndPreemptsTheWorkerForTheDriver() {
        List<KernelEvent> events = run.events();
        List<InterruptRaised> raised = run.kernel.journal().events(InterruptRaised.class);
        assertEquals(TICKS, raised.size());
        for (int i = 0; i < TICKS; i++) {
            InterruptRaised tick = raised.get(i);
            assertEquals((i + 1) * PERIOD, tick.time());
            // After the tick: the driver runs, acknowledges, waits, and the worker runs again.
            List<Long> switches = events.stream().filter(e -> e instanceof ThreadSwitched s && s.time() >= tick.time())
                    .map(e -> ((ThreadSwitched) e).to()).limit(2).toList();
            assertEquals(List.of(driver.id(), worker.id()), switches, "tick " + (i + 1));
        }
    }

    @Test
    void theWorkerFinishesWellBetweenTwoTicksAndTheMachineThenGoesIdle() {
        Signalled done = run.kernel.journal().events(Signalled.class).stream().filter(s -> s.badge() == 2).findFirst()
                .orElseThrow();
        long end = run.kernel.journal().events(ThreadSwitched.class).getLast().time();
        assertTrue(done.time() - MARGIN > TICKS * PERIOD, "the worker finished at " + done.time());
        assertTrue(end + MARGIN < (TICKS + 1) * PERIOD, "the driver finished at " + end);
        assertEquals(Kernel.Exit.IDLE, run.exit, "no thread waits for the timer any more");
        assertEquals(ThreadState.INACTIVE, driver.state());
        assertEquals(ThreadState.INACTIVE, worker.state());
    }

    @Test
    void aSecondRunMakesTheSameJournal() {
        SystemRun again = SystemRun.example("timer");
        assertEquals(run.events(), again.events());
        assertEquals(run.console, again.console);
    }
}
