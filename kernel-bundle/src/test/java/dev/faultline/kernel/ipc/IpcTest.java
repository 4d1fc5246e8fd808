package dev.faultline.kernel.ipc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.faultline.kernel.api.CapRights;
import dev.faultline.kernel.api.MessageInfo;
import dev.faultline.kernel.api.ObjectType;
import dev.faultline.kernel.journal.Journal;
import dev.faultline.kernel.object.CNode;
import dev.faultline.kernel.object.Capability;
import dev.faultline.kernel.object.Capability.CNodeCap;
import dev.faultline.kernel.object.Capability.EndpointCap;
import dev.faultline.kernel.object.Capability.FrameCap;
import dev.faultline.kernel.object.Capability.NotificationCap;
import dev.faultline.kernel.object.Capability.ReplyCap;
import dev.faultline.kernel.object.Cdt;
import dev.faultline.kernel.object.Endpoint;
import dev.faultline.kernel.object.Frame;
import dev.faultline.kernel.object.Notification;
import dev.faultline.kernel.object.Tcb;
import dev.faultline.kernel.object.TcbSlot;
import dev.faultline.kernel.object.ThreadState;
import dev.faultline.kernel.schedule.Scheduler;

/** IPC and notifications as §1.6 of the reference describes them, on threads made directly. */
class IpcTest {

    private final Scheduler scheduler = new Scheduler(tcb -> { });
    private final IpcContext context = new IpcContext(scheduler, new Journal(1000), () -> 0, (cap, isFinal) -> { });
    private final Signals signals = new Signals(context);
    private final Ipc ipc = new Ipc(context, signals);
    private final Endpoint endpoint = new Endpoint(1, 0x1000);
    private long nextId = 10;

    IpcTest() {
        signals.setIpc(ipc);
    }

    private Tcb thread(String name) {
        Tcb tcb = new Tcb(nextId++, 0x10000 + nextId * 0x800, name);
        tcb.setState(ThreadState.RUNNING);
        tcb.setPriority(100);
        return tcb;
    }

    /** Gives a thread an IPC buffer in a fresh frame (with its own CNode as CSpace root). */
    private Tcb withBuffer(Tcb tcb) {
        Frame frame = new Frame(nextId++, 0x4000_0000L + nextId * 4096, ObjectType.SMALL_PAGE, false);
        Cdt.insertOriginal(new FrameCap(frame, CapRights.READ_WRITE, 0, 0), tcb.slot(TcbSlot.IPC_BUFFER));
        tcb.setIpcBuffer(0x7000_0400L);
        CNode cnode = new CNode(nextId++, 0x5000_0000L + nextId * 4096, 4);
        Cdt.insertOriginal(new CNodeCap(cnode, 0, 60), tcb.slot(TcbSlot.CSPACE_ROOT));
        return tcb;
    }

    private static void message(Tcb sender, long label, long... words) {
        sender.registers().set(MessageRegisters.INFO, MessageInfo.of(label, words.length).toWord());
        IpcBuffer buffer = IpcBuffer.of(sender, IpcBuffer.Use.SEND);
        for (int i = 0; i < words.length; i++) {
            MessageRegisters.set(sender, buffer, i, words[i]);
        }
    }

    private static EndpointCap cap(Endpoint endpoint, long badge, CapRights rights) {
        return new EndpointCap(endpoint, badge, rights);
    }

    private static Ipc.Send send(boolean call, long badge, CapRights rights) {
        return new Ipc.Send(true, call, badge, rights.grant(), rights.grantReply());
    }

    @Test
    void blockingSendsToAnIdleEndpointQueueInOrderWithTheirBadges() {
        Tcb first = thread("first");
        Tcb second = thread("second");
        message(first, 1, 11);
        message(second, 2, 22);
        ipc.send(first, endpoint, send(false, 0xa, CapRights.ALL));
        ipc.send(second, endpoint, send(false, 0xb, CapRights.ALL));
        assertEquals(Endpoint.State.SEND, endpoint.state());
        assertEquals(List.of(first, second), endpoint.queue().toList());
        assertEquals(ThreadState.BLOCKED_ON_SEND, first.state());

        Tcb receiver = thread("receiver");
        ipc.receive(receiver, cap(endpoint, 0, CapRights.ALL), true);
        assertEquals(0xa, receiver.registers().get(MessageRegisters.BADGE), "the first sender's badge");
        assertEquals(MessageInfo.of(1, 1), MessageInfo.fromWord(receiver.registers().get(MessageRegisters.INFO)));
        assertEquals(11, MessageRegisters.get(receiver, null, 0));
        assertEquals(ThreadState.RUNNING, first.state());
        assertEquals(List.of(second), endpoint.queue().toList());
    }

    @Test
    void aReceiverWaitsAndTheNextSendIsTransferredToIt() {
        Tcb receiver = thread("receiver");
        ipc.receive(receiver, cap(endpoint, 0, CapRights.ALL), true);
        assertEquals(Endpoint.State.RECEIVE, endpoint.state());
        assertEquals(ThreadState.BLOCKED_ON_RECEIVE, receiver.state());
        Tcb sender = thread("sender");
        message(sender, 7, 1, 2, 3);
        ipc.send(sender, endpoint, send(false, 0x99, CapRights.ALL));
        assertEquals(Endpoint.State.IDLE, endpoint.state());
        assertEquals(ThreadState.RUNNING, receiver.state());
        assertEquals(0x99, receiver.registers().get(MessageRegisters.BADGE));
        assertEquals(3, MessageRegisters.get(receiver, null, 2));
    }

    @Test
    void aCallLeavesTheCallerBlockedOnReplyAndTheReceiverHoldingAReplyCap() {
        Tcb server = thread("server");
        ipc.receive(server, cap(endpoint, 0, CapRights.ALL), true);
        Tcb client = thread("client");
        message(client, 0, 5);
        ipc.send(client, endpoint, send(true, 1, CapRights.ALL));
        assertEquals(ThreadState.BLOCKED_ON_REPLY, client.state());
        ReplyCap reply = assertInstanceOf(ReplyCap.class, server.slot(TcbSlot.CALLER).cap());
        assertSame(client, reply.tcb());
        assertTrue(Cdt.isParentOf(client.slot(TcbSlot.REPLY), server.slot(TcbSlot.CALLER)),
                "the reply cap descends from the caller's master reply cap");

        message(server, 0, 50);
        ipc.reply(server, server.slot(TcbSlot.CALLER), reply);
        assertEquals(ThreadState.RUNNING, client.state());
        assertEquals(50, MessageRegisters.get(client, null, 0));
        assertEquals(0, client.registers().get(MessageRegisters.BADGE), "a reply carries badge 0");
        assertTrue(server.slot(TcbSlot.CALLER).isEmpty(), "the reply cap is one-shot");
    }

    @Test
    void aCallWithoutGrantOrGrantReplyLeavesTheCallerInactive() {
        Tcb server = thread("server");
        ipc.receive(server, cap(endpoint, 0, CapRights.ALL), true);
        Tcb client = thread("client");
        message(client, 0);
        ipc.send(client, endpoint, send(true, 0, CapRights.READ_WRITE));
        assertEquals(ThreadState.INACTIVE, client.state());
        assertTrue(server.slot(TcbSlot.CALLER).isEmpty());
    }

    @Test
    void aNonBlockingReceiveOnAnEmptyEndpointAnswersBadgeZero() {
        Tcb receiver = thread("receiver");
        receiver.registers().set(MessageRegisters.BADGE, 1234);
        receiver.registers().set(MessageRegisters.INFO, 5678);
        ipc.receive(receiver, cap(endpoint, 0, CapRights.ALL), false);
        assertEquals(0, receiver.registers().get(MessageRegisters.BADGE));
        assertEquals(5678, receiver.registers().get(MessageRegisters.INFO), "a1 is left as it was");
        assertEquals(ThreadState.RUNNING, receiver.state());
        assertEquals(Endpoint.State.IDLE, endpoint.state());
    }

    @Test
    void wordsBeyondTheFourthTravelOnlyWhenBothThreadsHaveBuffers() {
        Tcb receiver = withBuffer(thread("receiver"));
        ipc.receive(receiver, cap(endpoint, 0, CapRights.ALL), true);
        Tcb sender = withBuffer(thread("sender"));
        message(sender, 0, 1, 2, 3, 4, 5, 6);
        ipc.send(sender, endpoint, send(false, 0, CapRights.ALL));
        assertEquals(6, MessageInfo.fromWord(receiver.registers().get(MessageRegisters.INFO)).length());
        assertEquals(6, MessageRegisters.get(receiver, IpcBuffer.of(receiver, IpcBuffer.Use.RECEIVE), 5));

        Tcb bare = thread("no buffer");
        ipc.receive(bare, cap(endpoint, 0, CapRights.ALL), true);
        message(sender, 0, 1, 2, 3, 4, 5, 6);
        ipc.send(sender, endpoint, send(false, 0, CapRights.ALL));
        assertEquals(4, MessageInfo.fromWord(bare.registers().get(MessageRegisters.INFO)).length(),
                "the receiver sees the words that arrived");
    }

    @Test
    void capsTravelOnlyWithGrantAndACapToTheCrossingEndpointIsUnwrappedToItsBadge() {
        Tcb receiver = withBuffer(thread("receiver"));
        CNode receiverNode = ((CNodeCap) receiver.slot(TcbSlot.CSPACE_ROOT).cap()).cnode();
        Cdt.insertOriginal(receiver.slot(TcbSlot.CSPACE_ROOT).cap(), receiverNode.slot(1));
        IpcBuffer receiveBuffer = IpcBuffer.of(receiver, IpcBuffer.Use.RECEIVE);
        receiveBuffer.setWord(IpcBuffer.RECEIVE_CNODE, 1);
        receiveBuffer.setWord(IpcBuffer.RECEIVE_INDEX, 5);
        receiveBuffer.setWord(IpcBuffer.RECEIVE_DEPTH, 64);

        Tcb sender = withBuffer(thread("sender"));
        CNode senderNode = ((CNodeCap) sender.slot(TcbSlot.CSPACE_ROOT).cap()).cnode();
        Notification notification = new Notification(99, 0x9000);
        Cdt.insertOriginal(new NotificationCap(notification, 0, new CapRights(3)), senderNode.slot(2));
        Cdt.insertOriginal(cap(endpoint, 0x77, CapRights.ALL), senderNode.slot(3));
        IpcBuffer sendBuffer = IpcBuffer.of(sender, IpcBuffer.Use.SEND);
        sendBuffer.setWord(IpcBuffer.CAPS_OR_BADGES, 3);
        sendBuffer.setWord(IpcBuffer.CAPS_OR_BADGES + 1, 2);
        sender.registers().set(MessageRegisters.INFO, new MessageInfo(0, 0, 2, 0).toWord());

        ipc.receive(receiver, cap(endpoint, 0, CapRights.ALL), true);
        ipc.send(sender, endpoint, send(false, 0, CapRights.ALL));
        MessageInfo info = MessageInfo.fromWord(receiver.registers().get(MessageRegisters.INFO));
        assertEquals(2, info.extraCaps());
        assertEquals(0b01, info.capsUnwrapped(), "the endpoint cap was unwrapped");
        assertEquals(0x77, receiveBuffer.word(IpcBuffer.CAPS_OR_BADGES));
        Capability moved = receiverNode.slot(5).cap();
        assertSame(notification, moved.object(), "the notification cap was copied into the receive slot");

        Tcb secondReceiver = withBuffer(thread("without grant"));
        ipc.receive(secondReceiver, cap(endpoint, 0, CapRights.ALL), true);
        ipc.send(sender, endpoint, send(false, 0, CapRights.READ_WRITE));
        assertEquals(0, MessageInfo.fromWord(secondReceiver.registers().get(MessageRegisters.INFO)).extraCaps());
    }

    @Test
    void signalsAccumulateUntilAWaitTakesTheWord() {
        Notification notification = new Notification(50, 0x8000);
        signals.send(notification, 0b01);
        signals.send(notification, 0b100);
        assertEquals(Notification.State.ACTIVE, notification.state());
        Tcb waiter = thread("waiter");
        waiter.registers().set(MessageRegisters.INFO, 42);
        signals.receive(waiter, new NotificationCap(notification, 0, new CapRights(3)), true);
        assertEquals(0b101, waiter.registers().get(MessageRegisters.BADGE));
        assertEquals(42, waiter.registers().get(MessageRegisters.INFO), "a notification writes only a0");
        assertEquals(Notification.State.IDLE, notification.state());
    }

    @Test
    void aSignalWakesTheBoundThreadWhileItReceivesOnAnEndpoint() {
        Notification notification = new Notification(51, 0x8100);
        Tcb server = thread("server");
        signals.bind(server, notification);
        ipc.receive(server, cap(endpoint, 0, CapRights.ALL), true);
        signals.send(notification, 0x40);
        assertEquals(ThreadState.RUNNING, server.state());
        assertEquals(0x40, server.registers().get(MessageRegisters.BADGE));
        assertTrue(endpoint.queue().isEmpty(), "its endpoint receive was cancelled");
    }

    @Test
    void deletingTheEndpointRestartsEveryWaiter() {
        Tcb a = thread("a");
        Tcb b = thread("b");
        ipc.receive(a, cap(endpoint, 0, CapRights.ALL), true);
        ipc.receive(b, cap(endpoint, 0, CapRights.ALL), true);
        ipc.cancelAll(endpoint);
        assertEquals(ThreadState.RESTART, a.state());
        assertEquals(ThreadState.RESTART, b.state());
        assertTrue(a.isInReadyQueue() && b.isInReadyQueue());
        assertEquals(Endpoint.State.IDLE, endpoint.state());
    }
}
