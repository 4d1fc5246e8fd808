package dev.faultline.kernel.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.faultline.kernel.Kernel;
import dev.faultline.kernel.api.ObjectType;
import dev.faultline.kernel.examples.ExampleRun.Step;
import dev.faultline.kernel.journal.KernelEvent.MessageTransferred;
import dev.faultline.kernel.journal.KernelEvent.ObjectCreated;
import dev.faultline.kernel.journal.KernelEvent.ThreadNamed;
import dev.faultline.kernel.journal.KernelEvent.ThreadStateChanged;
import dev.faultline.kernel.object.Tcb;
import dev.faultline.kernel.object.ThreadState;

/** examples/threads: seL4's threads tutorial as a root task, on the kernel. */
class ThreadsExampleTest {

    private static ExampleRun run;
    private static Tcb thread;

    @BeforeAll
    static void runTheExample() {
        run = ExampleRun.example("threads");
        thread = run.thread("new_thread");
    }

    private static Step<ThreadStateChanged> state(ThreadState from, ThreadState to) {
        return Step.of(ThreadStateChanged.class, "new_thread " + from + " -> " + to,
                e -> e.thread() == thread.id() && e.from() == from && e.to() == to);
    }

    @Test
    void theConsoleIsExactlyTheExpectedOutput() {
        assertEquals(ExampleRun.expected("threads"), run.console);
    }

    @Test
    void theNewTcbIsRetypedNamedResumedRunsCallsAndIsSuspended() {
        run.assertInOrder(
                Step.of(ObjectCreated.class, "the TCB, from an untyped",
                        e -> e.object() == thread.id() && e.type() == ObjectType.TCB && e.untyped() != 0),
                Step.of(ThreadNamed.class, "the name new_thread", e -> e.thread() == thread.id()),
                state(ThreadState.INACTIVE, ThreadState.RESTART),
                state(ThreadState.RESTART, ThreadState.RUNNING),
                Step.of(MessageTransferred.class, "its Call to the main thread",
                        e -> e.sender() == thread.id() && e.receiver() == run.root.id()
                                && e.kind() == MessageTransferred.Kind.CALL),
                state(ThreadState.RUNNING, ThreadState.BLOCKED_ON_REPLY),
                Step.of(MessageTransferred.class, "the main thread's reply",
                        e -> e.sender() == run.root.id() && e.receiver() == thread.id()
                                && e.kind() == MessageTransferred.Kind.REPLY),
                state(ThreadState.BLOCKED_ON_REPLY, ThreadState.RUNNING),
                Step.of(MessageTransferred.class, "its Send",
                        e -> e.sender() == thread.id() && e.kind() == MessageTransferred.Kind.SEND),
                state(ThreadState.RUNNING, ThreadState.INACTIVE));
    }

    @Test
    void theNewThreadChangesStateOnlyAsTheProgramSays() {
        List<String> changes = run.events(ThreadStateChanged.class).stream().filter(e -> e.thread() == thread.id())
                .map(e -> e.from() + " -> " + e.to()).toList();
        assertEquals(List.of("INACTIVE -> RESTART", "RESTART -> RUNNING", "RUNNING -> BLOCKED_ON_REPLY",
                "BLOCKED_ON_REPLY -> RUNNING", "RUNNING -> INACTIVE"), changes);
    }

    @Test
    void mainReturnsZeroAndTheMachineGoesIdle() {
        assertEquals(Kernel.Exit.IDLE, run.exit);
        assertEquals(1, run.readWord(run.symbol("__sel4_main_returned")));
        assertEquals(0, run.readWord(run.symbol("__sel4_exit_status")));
    }

    @Test
    void aSecondRunMakesTheSameJournal() {
        ExampleRun again = ExampleRun.example("threads");
        assertEquals(run.events(), again.events());
        assertEquals(run.console, again.console);
    }
}
