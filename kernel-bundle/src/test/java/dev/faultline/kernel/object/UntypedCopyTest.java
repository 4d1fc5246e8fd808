package dev.faultline.kernel.object;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

import dev.faultline.kernel.LoopSystem;
import dev.faultline.kernel.SyscallProbe;
import dev.faultline.kernel.api.CapRights;
import dev.faultline.kernel.api.InvocationLabel;
import dev.faultline.kernel.api.ObjectType;
import dev.faultline.kernel.object.Capability.CNodeCap;
import dev.faultline.kernel.object.Capability.UntypedCap;

/**
 * Copies of an untyped cap: deleting one leaves the untyped to the others (the random system calls
 * found the object space forgetting an untyped whose copy was deleted while another cap remained).
 */
class UntypedCopyTest {

    private final SyscallProbe probe = new SyscallProbe();

    private long cnodeCall(InvocationLabel label, long... words) {
        return probe.callError(LoopSystem.SELF_CNODE, label.number(), words, LoopSystem.SELF_CNODE);
    }

    @Test
    void deletingACopyOfAnUntypedKeepsTheUntypedWhileAnotherCapNamesIt() {
        CNode cnode = ((CNodeCap) probe.caller().slot(TcbSlot.CSPACE_ROOT).cap()).cnode();
        Untyped untyped = ((UntypedCap) cnode.slot(LoopSystem.UNTYPED).cap()).untyped();
        assertEquals(0, cnodeCall(InvocationLabel.CNODE_COPY, 20, 64, LoopSystem.UNTYPED, 64, CapRights.ALL.bits()));
        assertEquals(0, probe.callError(LoopSystem.UNTYPED, InvocationLabel.UNTYPED_RETYPE.number(),
                new long[] {ObjectType.ENDPOINT.number(), 0, 0, 0, 21, 1}, LoopSystem.SELF_CNODE));
        assertEquals(0, cnodeCall(InvocationLabel.CNODE_DELETE, 20, 64));
        assertSame(untyped, probe.kernel.objects().find(untyped.id()), "the original still names it");
        assertEquals(0, cnodeCall(InvocationLabel.CNODE_DELETE, LoopSystem.UNTYPED, 64));
        assertNull(probe.kernel.objects().find(untyped.id()), "its last cap is gone");
    }
}
