package dev.faultline.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.faultline.kernel.api.CapRights;
import dev.faultline.kernel.api.InvocationLabel;
import dev.faultline.kernel.api.ObjectType;
import dev.faultline.kernel.journal.KernelEvent;
import dev.faultline.kernel.journal.KernelEvent.ObjectCreated;
import dev.faultline.kernel.journal.KernelEvent.ObjectDestroyed;

/** The journal says when an object goes: when its last cap is deleted or revoked, not before. */
class FinalisationTest {

    private final SyscallProbe probe = new SyscallProbe();

    private long cnodeCall(InvocationLabel label, long... words) {
        return probe.callError(LoopSystem.SELF_CNODE, label.number(), words, LoopSystem.SELF_CNODE);
    }

    /** Retypes one object of type into slot of the caller's CNode; answers its id. */
    private long retype(ObjectType type, int slot) {
        assertEquals(0, probe.callError(LoopSystem.UNTYPED, InvocationLabel.UNTYPED_RETYPE.number(),
                new long[] {type.number(), 0, 0, 0, slot, 1}, LoopSystem.SELF_CNODE));
        List<ObjectCreated> created = probe.kernel.journal().events(ObjectCreated.class);
        return created.get(created.size() - 1).object();
    }

    private List<ObjectDestroyed> destroyed() {
        return probe.kernel.journal().events(ObjectDestroyed.class);
    }

    @Test
    void deletingTheLastCapToAThreadJournalsItsDestruction() {
        long tcb = retype(ObjectType.TCB, 20);
        assertEquals(0, cnodeCall(InvocationLabel.CNODE_COPY, 21, 64, 20, 64, CapRights.ALL.bits()));

        assertEquals(0, cnodeCall(InvocationLabel.CNODE_DELETE, 20, 64));
        assertEquals(List.of(), destroyed(), "a copy still names the thread");

        assertEquals(0, cnodeCall(InvocationLabel.CNODE_DELETE, 21, 64));
        List<ObjectDestroyed> gone = destroyed();
        assertEquals(1, gone.size(), gone.toString());
        assertEquals(tcb, gone.get(0).object());
        assertEquals(ObjectType.TCB, gone.get(0).type());
        assertNull(probe.kernel.objects().find(tcb));
    }

    @Test
    void revokingAnUntypedJournalsEveryObjectMadeFromIt() {
        long endpoint = retype(ObjectType.ENDPOINT, 20);
        long tcb = retype(ObjectType.TCB, 21);

        assertEquals(0, cnodeCall(InvocationLabel.CNODE_REVOKE, LoopSystem.UNTYPED, 64));
        List<Long> gone = destroyed().stream().map(ObjectDestroyed::object).sorted().toList();
        assertEquals(List.of(Math.min(endpoint, tcb), Math.max(endpoint, tcb)), gone);
    }

    @Test
    void anObjectsDestructionIsJournalledAfterTheEventsOfItsFinalisation() {
        long tcb = retype(ObjectType.TCB, 20);
        assertEquals(0, probe.callError(20, InvocationLabel.TCB_RESUME.number(), new long[0]));
        assertEquals(0, cnodeCall(InvocationLabel.CNODE_DELETE, 20, 64));

        List<KernelEvent> events = probe.kernel.journal().events();
        int destroyedAt = -1;
        int suspendedAt = -1;
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i) instanceof ObjectDestroyed d && d.object() == tcb) {
                destroyedAt = i;
            } else if (events.get(i) instanceof KernelEvent.ThreadStateChanged s && s.thread() == tcb) {
                suspendedAt = i;
            }
        }
        assertEquals(true, suspendedAt >= 0 && destroyedAt > suspendedAt,
                "the thread is stopped (" + suspendedAt + ") before it goes (" + destroyedAt + ")");
    }
}
