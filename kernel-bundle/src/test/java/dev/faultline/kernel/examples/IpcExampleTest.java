package dev.faultline.kernel.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.faultline.kernel.Kernel;
import dev.faultline.kernel.examples.ExampleRun.Step;
import dev.faultline.kernel.inspect.CSpaceView;
import dev.faultline.kernel.inspect.CapView;
import dev.faultline.kernel.inspect.EndpointView;
import dev.faultline.kernel.inspect.Inspector;
import dev.faultline.kernel.inspect.KernelSnapshot;
import dev.faultline.kernel.invariant.InvariantChecker;
import dev.faultline.kernel.journal.KernelEvent.CapOperation;
import dev.faultline.kernel.journal.KernelEvent.MessageTransferred;
import dev.faultline.kernel.journal.KernelEvent.MessageTransferred.Kind;
import dev.faultline.kernel.journal.KernelEvent.SyscallEntered;
import dev.faultline.kernel.api.Syscall;
import dev.faultline.kernel.object.Tcb;

/** examples/ipc: seL4's ipc tutorial as a root task (the server) with two clients in their own CSpaces. */
class IpcExampleTest {

    private static ExampleRun run;
    private static Tcb server;
    private static Tcb client1;
    private static Tcb client2;

    @BeforeAll
    static void runTheExample() {
        run = ExampleRun.example("ipc");
        server = run.root;
        client1 = run.thread("client_1");
        client2 = run.thread("client_2");
    }

    private static String name(long thread) {
        return thread == client1.id() ? "client_1" : thread == client2.id() ? "client_2" : "server";
    }

    private static Step<MessageTransferred> call(Tcb client, long badge) {
        return Step.of(MessageTransferred.class, name(client.id()) + " calls with badge " + badge,
                e -> e.kind() == Kind.CALL && e.sender() == client.id() && e.receiver() == server.id()
                        && e.badge() == badge);
    }

    private static Step<MessageTransferred> replyWithCap(Tcb client) {
        return Step.of(MessageTransferred.class, "a reply carrying a cap to " + name(client.id()),
                e -> e.kind() == Kind.REPLY && e.receiver() == client.id() && e.info().extraCaps() == 1);
    }

    private static Step<CapOperation> mint(long badge) {
        return Step.of(CapOperation.class, "mint of badge " + badge,
                e -> e.operation().equals("mint") && e.cap().contains("badge 0x" + badge));
    }

    @Test
    void theConsoleIsExactlyTheExpectedOutput() {
        assertEquals(ExampleRun.expected("ipc"), run.console);
    }

    @Test
    void eachClientGetsItsBadgedEndpointByCapTransferAndThenCallsThroughIt() {
        run.assertInOrder(
                call(client2, 0),
                mint(2),
                replyWithCap(client2),
                call(client2, 2),
                Step.of(CapOperation.class, "save caller of client_2",
                        e -> e.operation().equals("save caller") && e.cap().contains("client_2")),
                call(client1, 0),
                mint(1),
                replyWithCap(client1),
                call(client1, 1),
                Step.of(SyscallEntered.class, "a Send on the saved reply cap",
                        e -> e.thread() == server.id() && e.syscall() == Syscall.SEND),
                Step.of(MessageTransferred.class, "which replies to client_2",
                        e -> e.kind() == Kind.REPLY && e.receiver() == client2.id()),
                Step.of(SyscallEntered.class, "ReplyRecv", e -> e.thread() == server.id()
                        && e.syscall() == Syscall.REPLY_RECV),
                Step.of(MessageTransferred.class, "which replies to client_1",
                        e -> e.kind() == Kind.REPLY && e.receiver() == client1.id()));
    }

    @Test
    void theBadgedCallsAlternateBetweenTheClientsOneWordEach() {
        List<String> calls = run.events(MessageTransferred.class).stream()
                .filter(e -> e.kind() == Kind.CALL && e.badge() != 0)
                .map(e -> name(e.sender()) + " badge " + e.badge() + " length " + e.info().length()).toList();
        assertEquals(List.of(
                "client_2 badge 2 length 3", // the
                "client_1 badge 1 length 5", // quick
                "client_2 badge 2 length 5", // brown
                "client_1 badge 1 length 3", // fox
                "client_2 badge 2 length 5", // jumps
                "client_1 badge 1 length 4", // over
                "client_2 badge 2 length 3", // the
                "client_1 badge 1 length 4", // lazy
                "client_2 badge 2 length 3"), calls); // dog
    }

    @Test
    void everyCallIsAnsweredWithTheHeldClientFirst() {
        List<String> replies = run.events(MessageTransferred.class).stream().filter(e -> e.kind() == Kind.REPLY)
                .map(e -> name(e.receiver()) + (e.info().extraCaps() == 1 ? " with a cap" : "")).toList();
        assertEquals(List.of("client_2 with a cap", "client_1 with a cap", "client_2", "client_1", "client_2",
                "client_1", "client_2", "client_1", "client_2", "client_1", "client_2"), replies);
    }

    @Test
    void mainReturnsZeroAndBothClientsStopThemselves() {
        assertEquals(Kernel.Exit.IDLE, run.exit);
        assertEquals(1, run.readWord(run.symbol("__sel4_main_returned")));
        assertEquals(0, run.readWord(run.symbol("__sel4_exit_status")));
        assertEquals(dev.faultline.kernel.object.ThreadState.INACTIVE, client1.state());
        assertEquals(dev.faultline.kernel.object.ThreadState.INACTIVE, client2.state());
    }

    @Test
    void aSecondRunMakesTheSameJournal() {
        ExampleRun again = ExampleRun.example("ipc");
        assertEquals(run.events(), again.events());
        assertEquals(run.console, again.console);
    }

    @Test
    void theInspectorShowsEachClientsBadgedEndpointAndWhereTheEndpointIsNamed() {
        KernelSnapshot snapshot = Inspector.snapshot(run.kernel);
        for (Tcb client : List.of(client1, client2)) {
            CSpaceView cspace = snapshot.cspace(client.id());
            CapView unbadged = cspace.entries().stream().filter(e -> e.cptr() == 1).findFirst().orElseThrow().cap();
            CapView badged = cspace.entries().stream().filter(e -> e.cptr() == 3).findFirst().orElseThrow().cap();
            assertEquals("endpoint", badged.type());
            assertEquals(unbadged.objectId(), badged.objectId(), name(client.id()) + " names the server's endpoint twice");
            assertEquals(0, unbadged.badge());
            assertEquals(client == client1 ? 1 : 2, badged.badge());
        }
        EndpointView endpoint = snapshot.endpoint(snapshot.cspace(client1.id()).entries().get(0).cap().objectId());
        assertEquals(5, endpoint.slots().size(), "the server's slot, and slots 1 and 3 of each client's CNode");
        assertEquals(List.of(), new InvariantChecker(run.kernel).check());
    }
}
