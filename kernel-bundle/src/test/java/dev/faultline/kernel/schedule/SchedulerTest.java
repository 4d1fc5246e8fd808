package dev.faultline.kernel.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.faultline.kernel.object.Tcb;
import dev.faultline.kernel.object.ThreadState;

/** The non-MCS scheduler: strict priorities, round robin within one, seL4's switch decisions. */
class SchedulerTest {

    private final Scheduler scheduler = new Scheduler(tcb -> { });
    private long nextId = 1;

    private Tcb runnable(String name, int priority) {
        Tcb tcb = new Tcb(nextId++, nextId * 0x800, name);
        tcb.setPriority(priority);
        tcb.setState(ThreadState.RUNNING);
        return tcb;
    }

    @Test
    void theHighestPriorityRunsFirst() {
        Tcb low = runnable("low", 10);
        Tcb high = runnable("high", 200);
        scheduler.append(low);
        scheduler.append(high);
        scheduler.rescheduleRequired();
        assertSame(high, scheduler.schedule());
        assertEquals(List.of(low), scheduler.readyThreads());
    }

    @Test
    void threadsOfOnePriorityTakeTurnsWhenTheirSlicesEnd() {
        Tcb a = runnable("a", 50);
        Tcb b = runnable("b", 50);
        scheduler.setCurrent(a);
        scheduler.append(b);
        for (int tick = 0; tick < Scheduler.TIME_SLICE_TICKS - 1; tick++) {
            scheduler.tick();
            assertSame(a, scheduler.schedule(), "a keeps the hart for its whole slice");
        }
        scheduler.tick();
        assertSame(b, scheduler.schedule());
        assertEquals(List.of(a), scheduler.readyThreads(), "a went to the tail of its queue");
    }

    @Test
    void yieldGivesWayToAnEqualButNotToALowerPriority() {
        Tcb a = runnable("a", 50);
        Tcb b = runnable("b", 50);
        Tcb low = runnable("low", 10);
        scheduler.setCurrent(a);
        scheduler.append(b);
        scheduler.append(low);
        scheduler.yieldCurrent();
        assertSame(b, scheduler.schedule());
        scheduler.yieldCurrent();
        assertSame(a, scheduler.schedule());
    }

    @Test
    void aWokenHigherPriorityThreadPreemptsTheCurrentOne() {
        Tcb current = runnable("current", 50);
        Tcb woken = runnable("woken", 100);
        scheduler.setCurrent(current);
        scheduler.possibleSwitchTo(woken);
        assertSame(woken, scheduler.schedule());
        assertEquals(List.of(current), scheduler.readyThreads(), "the preempted thread keeps its place at the head");
    }

    @Test
    void aWokenLowerPriorityThreadWaitsItsTurn() {
        Tcb current = runnable("current", 50);
        Tcb woken = runnable("woken", 10);
        scheduler.setCurrent(current);
        scheduler.possibleSwitchTo(woken);
        assertSame(current, scheduler.schedule());
        assertEquals(List.of(woken), scheduler.readyThreads());
    }

    @Test
    void aCurrentThreadThatBlocksWithNothingReadyLeavesTheHartIdle() {
        Tcb current = runnable("current", 50);
        scheduler.setCurrent(current);
        scheduler.setState(current, ThreadState.BLOCKED_ON_RECEIVE);
        assertNull(scheduler.schedule());
    }
}
