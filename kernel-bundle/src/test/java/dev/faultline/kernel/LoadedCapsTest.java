package dev.faultline.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

import dev.faultline.kernel.api.InvocationLabel;
import dev.faultline.kernel.object.Capability.CNodeCap;
import dev.faultline.kernel.object.Capability.EndpointCap;
import dev.faultline.kernel.object.Capability.PageTableCap;
import dev.faultline.kernel.object.Tcb;
import dev.faultline.kernel.object.TcbSlot;

/**
 * Caps a system description gives several slots to one object are copies of one original, as
 * seL4's loaders make them: deleting one leaves the object to the others (the random system calls
 * found the loader's caps each an original, so one delete destroyed what others still named).
 */
class LoadedCapsTest {

    private final SyscallProbe probe = new SyscallProbe();

    @Test
    void deletingAThreadsVSpaceCapFromItsCNodeKeepsTheVSpace() {
        Tcb caller = probe.caller();
        PageTableCap root = (PageTableCap) caller.slot(TcbSlot.VSPACE_ROOT).cap();
        long error = probe.callError(LoopSystem.SELF_CNODE, InvocationLabel.CNODE_DELETE.number(),
                new long[] {LoopSystem.SELF_VSPACE, 64});
        assertEquals(0, error);
        assertSame(root.table(), probe.kernel.objects().find(root.table().id()), "the VSpace root still lives");
    }

    @Test
    void deletingOneProgramsEndpointCapLeavesTheEndpointToTheOthers() {
        Tcb caller = probe.caller();
        CNodeCap p0 = (CNodeCap) probe.threads.get("p0").slot(TcbSlot.CSPACE_ROOT).cap();
        EndpointCap shared = (EndpointCap) p0.cnode().slot(LoopSystem.EP1).cap();
        long error = probe.callError(LoopSystem.SELF_CNODE, InvocationLabel.CNODE_DELETE.number(),
                new long[] {LoopSystem.EP1, 64});
        assertEquals(0, error);
        assertSame(shared.endpoint(), probe.kernel.objects().find(shared.endpoint().id()),
                caller.name() + " deleted its cap, p0's still names a live endpoint");
    }
}
