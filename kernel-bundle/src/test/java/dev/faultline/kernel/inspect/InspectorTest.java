package dev.faultline.kernel.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import dev.faultline.kernel.LoopSystem;
import dev.faultline.kernel.SyscallProbe;
import dev.faultline.kernel.api.InvocationLabel;
import dev.faultline.kernel.api.MessageInfo;
import dev.faultline.kernel.api.Syscall;
import dev.faultline.kernel.object.Capability.CNodeCap;
import dev.faultline.kernel.object.Capability.EndpointCap;
import dev.faultline.kernel.object.Endpoint;
import dev.faultline.kernel.object.Tcb;
import dev.faultline.kernel.object.TcbSlot;
import dev.faultline.kernel.object.ThreadState;

/** Snapshots of a running system: queues in order, blocked threads, CSpaces and VSpaces as plain data. */
class InspectorTest {

    private final SyscallProbe probe = new SyscallProbe();

    /** The current thread sends label on cptr, a message of one word, and (with no receiver) blocks. */
    private String send(Syscall syscall, long cptr, long label) {
        String name = probe.caller().name();
        probe.call(syscall.number(), cptr, new MessageInfo(label, 0, 0, 1), new long[] {label * 10});
        return name;
    }

    private long endpointId(String program, int slot) {
        CNodeCap cnode = (CNodeCap) probe.threads.get(program).slot(TcbSlot.CSPACE_ROOT).cap();
        return ((EndpointCap) cnode.cnode().slot(slot).cap()).endpoint().id();
    }

    @Test
    void sendersQueueOnAnEndpointInOrderWithTheirBadgesAndMessages() {
        // Each program's fault_ep cap is the shared ep1 badged with its number plus one.
        String first = send(Syscall.SEND, LoopSystem.FAULT_EP, 11);
        String second = send(Syscall.CALL, LoopSystem.FAULT_EP, 12);
        String third = send(Syscall.SEND, LoopSystem.FAULT_EP, 13);

        KernelSnapshot snapshot = Inspector.snapshot(probe.kernel);
        EndpointView ep1 = snapshot.endpoint(endpointId("p0", LoopSystem.EP1));
        assertEquals(Endpoint.State.SEND, ep1.state());
        assertEquals(List.of(first, second, third), ep1.queue().stream().map(Waiter::threadName).toList());
        assertEquals(List.of(badgeOf(first), badgeOf(second), badgeOf(third)),
                ep1.queue().stream().map(Waiter::badge).toList());
        assertEquals(List.of(11L, 12L, 13L), ep1.queue().stream().map(w -> w.message().label()).toList());
        assertEquals(List.of(false, true, false), ep1.queue().stream().map(Waiter::call).toList());
        assertTrue(ep1.queue().stream().allMatch(w -> w.state() == ThreadState.BLOCKED_ON_SEND));

        TcbView caller = snapshot.thread(second);
        assertEquals(ThreadState.BLOCKED_ON_SEND, caller.state());
        assertEquals(ep1.id(), caller.blocking().objectId());
        assertEquals(badgeOf(second), caller.blocking().badge());
        assertTrue(caller.blocking().call());
    }

    private static long badgeOf(String program) {
        return Long.parseLong(program.substring(1)) + 1;
    }

    @Test
    void anEndpointListsEverySlotWhoseCapNamesIt() {
        KernelSnapshot snapshot = Inspector.snapshot(probe.kernel);
        EndpointView ep1 = snapshot.endpoint(endpointId("p0", LoopSystem.EP1));
        Map<Integer, Long> perSlot = ep1.slots().stream().collect(Collectors.groupingBy(SlotRef::index,
                Collectors.counting()));
        assertEquals(Map.of(LoopSystem.FAULT_EP, 4L, LoopSystem.EP1, 4L), perSlot, "slots 1 and 2 of each program");
        assertTrue(ep1.slots().stream().allMatch(s -> s.ownerKind() == SlotRef.OwnerKind.CNODE));
        assertEquals(Endpoint.State.IDLE, ep1.state());
        assertTrue(ep1.queue().isEmpty());
    }

    @Test
    void aCallerWaitingForItsReplyNamesTheSlotHoldingItsReplyCap() {
        String caller = send(Syscall.CALL, LoopSystem.EP1, 5);
        String receiver = probe.caller().name();
        probe.call(Syscall.RECV.number(), LoopSystem.EP1, MessageInfo.EMPTY, new long[0]);

        KernelSnapshot snapshot = Inspector.snapshot(probe.kernel);
        TcbView waiting = snapshot.thread(caller);
        assertEquals(ThreadState.BLOCKED_ON_REPLY, waiting.state());
        SlotRef reply = waiting.blocking().replyCap();
        assertEquals(new SlotRef(snapshot.thread(receiver).id(), SlotRef.OwnerKind.TCB, TcbSlot.CALLER.ordinal(), "caller"),
                reply);
        assertEquals(5L * 10, snapshot.thread(receiver).registers().get(12), "the receiver got MR0 in a2");
    }

    @Test
    void aThreadsCSpaceListsItsCapsWithTypeRightsBadgeAndCPtr() {
        Tcb p2 = probe.threads.get("p2");
        KernelSnapshot snapshot = Inspector.snapshot(probe.kernel);
        CSpaceView cspace = snapshot.cspace(p2.id());
        assertEquals("cnode", cspace.root().type());
        assertEquals(64 - LoopSystem.CNODE_BITS, cspace.root().guardSize());
        assertEquals(LoopSystem.CNODE_BITS, cspace.root().radix());
        Map<Long, CSpaceEntry> byCptr = cspace.entries().stream().collect(Collectors.toMap(CSpaceEntry::cptr, e -> e));
        assertEquals(15, byCptr.size(), "slots 1..15");
        assertTrue(cspace.entries().stream().allMatch(e -> e.depth() == 64));
        CapView badged = byCptr.get((long) LoopSystem.EP2_BADGED).cap();
        assertEquals("endpoint", badged.type());
        assertEquals("RWG", badged.rights());
        assertEquals(7, badged.badge());
        assertEquals("R", byCptr.get((long) LoopSystem.EP2_RECEIVE_ONLY).cap().rights());
        assertEquals("notification", byCptr.get((long) LoopSystem.NOTIFICATION2_BADGED).cap().type());
        assertEquals(9, byCptr.get((long) LoopSystem.NOTIFICATION2_BADGED).cap().badge());
        assertEquals("untyped", byCptr.get((long) LoopSystem.UNTYPED).cap().type());
        assertEquals("page table", byCptr.get((long) LoopSystem.SELF_VSPACE).cap().type());
        assertEquals("irq handler", byCptr.get((long) LoopSystem.IRQ_HANDLER).cap().type());
        assertEquals(probe.threads.get("p3").id(), byCptr.get((long) LoopSystem.NEIGHBOUR_TCB).cap().objectId());
        assertThrows(IllegalArgumentException.class, () -> snapshot.cspace(-1));
    }

    @Test
    void aVSpaceListsItsMappingsInAddressOrder() {
        TcbView p2 = Inspector.snapshot(probe.kernel).thread("p2");
        VSpaceView vspace = Inspector.snapshot(probe.kernel).vspace(p2.vspaceRoot());
        assertNotNull(vspace);
        assertTrue(vspace.asid() > 0);
        List<Long> addresses = vspace.mappings().stream().map(MappingView::vaddr).toList();
        assertEquals(addresses.stream().sorted().toList(), addresses);
        MappingView shared = vspace.mappings().stream().filter(m -> m.vaddr() == 0x4000_0000L).findFirst().orElseThrow();
        assertEquals("rw-", shared.rights());
        assertEquals(12, shared.sizeBits());
        assertTrue(vspace.mappings().stream().anyMatch(m -> m.vaddr() == (LoopSystem.loopPc() & ~0xfffL) && m.rights().contains("x")),
                "the image's code page is executable");
    }

    @Test
    void aSnapshotDoesNotChangeWhenTheKernelRunsOn() {
        KernelSnapshot before = Inspector.snapshot(probe.kernel);
        send(Syscall.SEND, LoopSystem.EP1, 1);
        KernelSnapshot after = Inspector.snapshot(probe.kernel);
        long ep1 = endpointId("p0", LoopSystem.EP1);
        assertEquals(Endpoint.State.IDLE, before.endpoint(ep1).state());
        assertEquals(Endpoint.State.SEND, after.endpoint(ep1).state());
        assertThrows(UnsupportedOperationException.class, () -> before.threads().clear());
        assertNull(before.thread("no such thread"));
        assertEquals(before.currentThread(), probe.threads.get("p2").id());
    }

    @Test
    void aNotificationThatAnInterruptSignalsListsTheIrqNodeSlot() {
        int line = 3; // p2 runs first, and holds the handler of line p + 1
        assertEquals("p2", probe.caller().name());
        probe.callError(LoopSystem.IRQ_HANDLER, InvocationLabel.IRQ_SET_IRQ_HANDLER.number(), new long[0],
                LoopSystem.NOTIFICATION1);
        CNodeCap cnode = (CNodeCap) probe.caller().slot(TcbSlot.CSPACE_ROOT).cap();
        long n1 = cnode.cnode().slot(LoopSystem.NOTIFICATION1).cap().object().id();
        NotificationView view = Inspector.snapshot(probe.kernel).notification(n1);
        assertTrue(view.slots().contains(new SlotRef(0, SlotRef.OwnerKind.IRQ_NODE, line, "irq " + line)),
                view.slots().toString());
    }
}
