package dev.faultline.kernel.invariant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.faultline.kernel.LoopSystem;
import dev.faultline.kernel.SyscallProbe;
import dev.faultline.kernel.api.CapRights;
import dev.faultline.kernel.api.InvocationLabel;
import dev.faultline.kernel.api.MessageInfo;
import dev.faultline.kernel.api.ObjectType;
import dev.faultline.kernel.api.Syscall;
import dev.faultline.kernel.object.Capability;
import dev.faultline.kernel.object.Capability.CNodeCap;
import dev.faultline.kernel.object.Capability.EndpointCap;
import dev.faultline.kernel.object.Capability.FrameCap;
import dev.faultline.kernel.object.Capability.NotificationCap;
import dev.faultline.kernel.object.Capability.UntypedCap;
import dev.faultline.kernel.object.Cdt;
import dev.faultline.kernel.object.CdtCorruption;
import dev.faultline.kernel.object.Cte;
import dev.faultline.kernel.object.Endpoint;
import dev.faultline.kernel.object.Tcb;
import dev.faultline.kernel.object.TcbSlot;
import dev.faultline.kernel.object.ThreadState;

/** The checker passes a sound kernel and catches each kind of corruption, naming the rule and the object. */
class InvariantCheckerTest {

    private final SyscallProbe probe = new SyscallProbe();
    private final InvariantChecker checker = new InvariantChecker(probe.kernel);

    private Cte slotOf(String program, int index) {
        CNodeCap cnode = (CNodeCap) probe.threads.get(program).slot(TcbSlot.CSPACE_ROOT).cap();
        return cnode.cnode().slot(index);
    }

    private Endpoint ep1() {
        return ((EndpointCap) slotOf("p0", LoopSystem.EP1).cap()).endpoint();
    }

    /** Two threads block sending on ep1; answers them in queue order. */
    private List<Tcb> twoSenders() {
        for (int i = 0; i < 2; i++) {
            probe.call(Syscall.SEND.number(), LoopSystem.EP1, MessageInfo.EMPTY, new long[0]);
        }
        List<Tcb> senders = ep1().queue().toList();
        assertEquals(2, senders.size());
        return senders;
    }

    private void assertCaught(String rule, String object) {
        List<Violation> violations = checker.check();
        assertTrue(violations.stream().anyMatch(v -> v.rule().equals(rule) && v.object().contains(object)),
                "expected a violation of '" + rule + "' on " + object + ", got " + violations);
        InvariantViolation thrown = assertThrows(InvariantViolation.class, () -> checker.assertHolds("now"));
        assertTrue(thrown.getMessage().contains(rule), thrown.getMessage());
    }

    @Test
    void aSoundKernelBreaksNoInvariant() {
        twoSenders();
        probe.call(Syscall.CALL.number(), LoopSystem.UNTYPED, new MessageInfo(InvocationLabel.UNTYPED_RETYPE.number(), 0, 1,
                6), new long[] {ObjectType.ENDPOINT.number(), 0, 0, 0, 20, 2}, LoopSystem.SELF_CNODE);
        assertEquals(List.of(), checker.check());
    }

    @Test
    void aSenderTakenOutOfTheQueueButStillBlockedIsCaught() {
        Tcb first = twoSenders().get(0);
        ep1().queue().remove(first);
        assertCaught("thread state", first.label());
    }

    @Test
    void aQueueLinkedIntoACycleIsCaughtWithoutLooping() {
        Tcb last = twoSenders().get(1);
        ep1().queue().append(last);
        assertCaught("queue well formed", ep1().label());
    }

    @Test
    void aThreadInTwoQueuesIsCaught() {
        Tcb first = twoSenders().get(0);
        Endpoint ep2 = ((EndpointCap) slotOf("p0", LoopSystem.EP2_BADGED).cap()).endpoint();
        Tcb second = ep1().queue().toList().get(1);
        ep1().queue().remove(second);
        ep2.enqueue(second, Endpoint.State.SEND);
        assertCaught("thread state", second.label());
        assertCaught("endpoint state", ep2.label());
        assertTrue(first.state() == ThreadState.BLOCKED_ON_SEND);
    }

    @Test
    void anIdleEndpointWithWaitersIsCaught() {
        twoSenders();
        ep1().enqueue(probe.threads.get("p3"), Endpoint.State.RECEIVE);
        assertCaught("endpoint state", ep1().label());
    }

    @Test
    void aRunnableThreadOutsideTheReadyQueuesIsCaught() {
        Tcb p3 = probe.threads.get("p3");
        assertTrue(p3.isInReadyQueue());
        probe.kernel.scheduler().dequeue(p3);
        assertCaught("ready queue membership", p3.label());
    }

    @Test
    void aOneSidedNotificationBindingIsCaught() {
        Tcb p1 = probe.threads.get("p1");
        p1.setBoundNotification(((NotificationCap) slotOf("p1", LoopSystem.NOTIFICATION1).cap()).notification());
        assertCaught("notification binding", p1.label());
    }

    @Test
    void aReplyCapToAThreadNotWaitingForItIsCaught() {
        Tcb p3 = probe.threads.get("p3");
        Cte slot = slotOf("p3", 20);
        Cdt.insert(new Capability.ReplyCap(p3, false, false), p3.slot(TcbSlot.REPLY), slot);
        assertCaught("reply caps name waiting callers", slot.toString());
    }

    @Test
    void aCapToADestroyedObjectIsCaught() {
        Endpoint ep1 = ep1();
        probe.kernel.objects().destroyed(ep1);
        assertCaught("caps name live objects", slotOf("p0", LoopSystem.EP1).toString());
    }

    @Test
    void aDerivationLinkThatDoesNotPointBackIsCaught() {
        Cte p1 = slotOf("p1", LoopSystem.EP1);
        Cte p3 = slotOf("p3", LoopSystem.NOTIFICATION1);
        CdtCorruption.linkNext(p1, p3);
        assertCaught("cdt links", p1.toString());
    }

    @Test
    void aDerivationChainClosedIntoACycleIsCaught() {
        Cte first = slotOf("p0", LoopSystem.EP1);
        while (first.mdbPrev() != null) {
            first = first.mdbPrev();
        }
        Cte last = first;
        while (last.mdbNext() != null) {
            last = last.mdbNext();
        }
        CdtCorruption.linkNext(last, first);
        CdtCorruption.linkPrev(first, last);
        assertCaught("cdt acyclic", "the derivation tree");
    }

    @Test
    void swapsMovesAndOriginalsKeepTheTreeSound() {
        Cte copy = slotOf("p1", LoopSystem.EP1);
        Cte stranger = slotOf("p1", 21);
        Cdt.insertOriginal(new EndpointCap(ep1(), 0, CapRights.ALL), stranger);
        Cdt.swap(copy.cap(), copy, stranger.cap(), stranger);
        Endpoint endpoint = ep1();
        Cte p0 = slotOf("p0", LoopSystem.EP1);
        Cdt.move(p0.cap(), p0, slotOf("p0", 23));
        Cdt.insertOriginal(new EndpointCap(endpoint, 0, CapRights.ALL), p0);
        assertEquals(List.of(), checker.check());
    }

    @Test
    void anUntypedWhoseWatermarkFellBelowItsChildrenIsCaught() {
        probe.call(Syscall.CALL.number(), LoopSystem.UNTYPED, new MessageInfo(InvocationLabel.UNTYPED_RETYPE.number(), 0, 1,
                6), new long[] {ObjectType.NOTIFICATION.number(), 0, 0, 0, 20, 1}, LoopSystem.SELF_CNODE);
        Cte untyped = slotOf("p2", LoopSystem.UNTYPED);
        UntypedCap cap = (UntypedCap) untyped.cap();
        assertTrue(cap.freeIndex() > 0);
        untyped.update(cap.withFreeIndex(0));
        assertCaught("untyped watermark", slotOf("p2", 20).toString());
    }

    @Test
    void aFrameMappedWritableThroughAReadOnlyCapIsCaught() {
        long vaddr = 0x4000_1000L;
        probe.call(Syscall.CALL.number(), LoopSystem.FRAME, new MessageInfo(InvocationLabel.RISCV_PAGE_MAP.number(), 0, 1,
                3), new long[] {vaddr, CapRights.READ_WRITE.bits(), 0}, LoopSystem.SELF_VSPACE);
        Cte frame = slotOf("p2", LoopSystem.FRAME);
        FrameCap mapped = (FrameCap) frame.cap();
        assertEquals(vaddr, mapped.mappedAddress());
        assertEquals(List.of(), checker.check());
        frame.update(new FrameCap(mapped.frame(), new CapRights(2), mapped.mappedAsid(), vaddr));
        assertCaught("mapping rights within cap rights", frame.toString());
    }
}
