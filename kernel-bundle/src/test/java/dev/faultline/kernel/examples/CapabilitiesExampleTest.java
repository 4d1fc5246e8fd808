package dev.faultline.kernel.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.faultline.kernel.Kernel;
import dev.faultline.kernel.api.InvocationLabel;
import dev.faultline.kernel.api.ObjectType;
import dev.faultline.kernel.api.Sel4Error;
import dev.faultline.kernel.examples.ExampleRun.Step;
import dev.faultline.kernel.journal.KernelEvent.CapOperation;
import dev.faultline.kernel.journal.KernelEvent.InvocationFailed;
import dev.faultline.kernel.journal.KernelEvent.ObjectCreated;
import dev.faultline.kernel.journal.KernelEvent.ThreadStateChanged;
import dev.faultline.kernel.object.ThreadState;

/** examples/capabilities: seL4's capabilities tutorial as a root task, on the kernel. */
class CapabilitiesExampleTest {

    private static ExampleRun run;

    @BeforeAll
    static void runTheExample() {
        run = ExampleRun.example("capabilities");
    }

    private static Step<InvocationFailed> refused(InvocationLabel label, Sel4Error error) {
        return Step.of(InvocationFailed.class, label + " refused with " + error,
                e -> e.label() == label && e.error() == error);
    }

    private static Step<CapOperation> cap(String operation, String cap) {
        return Step.of(CapOperation.class, operation + " of " + cap,
                e -> e.operation().equals(operation) && e.cap().startsWith(cap));
    }

    @Test
    void theConsoleIsExactlyTheExpectedOutput() {
        assertEquals(ExampleRun.expected("capabilities"), run.console);
    }

    @Test
    void theJournalHoldsTheCapOperationsAndTheRefusedInvocationsInTheirOrder() {
        run.assertInOrder(
                refused(InvocationLabel.TCB_SET_PRIORITY, Sel4Error.INVALID_CAPABILITY),
                cap("copy", "tcb("),
                Step.of(CapOperation.class, "copy into slot 65535",
                        e -> e.operation().equals("copy") && e.destination().endsWith("slot 65535")),
                refused(InvocationLabel.CNODE_COPY, Sel4Error.DELETE_FIRST),
                refused(InvocationLabel.CNODE_COPY, Sel4Error.FAILED_LOOKUP),
                Step.of(ObjectCreated.class, "an endpoint", e -> e.type() == ObjectType.ENDPOINT),
                Step.of(CapOperation.class, "mint with badge 0x42",
                        e -> e.operation().equals("mint") && e.cap().contains("badge 0x42")),
                refused(InvocationLabel.CNODE_MINT, Sel4Error.ILLEGAL_OPERATION),
                cap("copy", "endpoint("),
                cap("delete", "endpoint("),
                cap("revoke", "endpoint("),
                cap("revoke", "tcb("),
                refused(InvocationLabel.CNODE_MOVE, Sel4Error.FAILED_LOOKUP),
                refused(InvocationLabel.CNODE_MOVE, Sel4Error.FAILED_LOOKUP),
                refused(InvocationLabel.CNODE_MOVE, Sel4Error.DELETE_FIRST),
                Step.of(ThreadStateChanged.class, "the root task suspended",
                        e -> e.thread() == run.root.id() && e.to() == ThreadState.INACTIVE));
    }

    @Test
    void theRootTaskSuspendsItselfBeforeMainReturns() {
        assertEquals(Kernel.Exit.IDLE, run.exit);
        assertEquals(ThreadState.INACTIVE, run.root.state());
        assertEquals(0, run.readWord(run.symbol("__sel4_main_returned")), "main never returned");
        assertTrue(run.console.endsWith("Suspending current thread\n"), run.console);
    }

    @Test
    void aSecondRunMakesTheSameJournal() {
        ExampleRun again = ExampleRun.example("capabilities");
        assertEquals(run.events(), again.events());
        assertEquals(run.console, again.console);
    }
}
