package dev.faultline.kernel.arch.riscv64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import dev.faultline.kernel.Kernel;
import dev.faultline.kernel.api.Fault;
import dev.faultline.kernel.object.Tcb;
import dev.faultline.kernel.object.ThreadState;

/**
 * Threads run in the VSpace their TCB names, as seL4's setVMRoot picks it: a new VSpace from a
 * new pool, the caller's own after SetSpace, and nothing once the VSpace's ASID is gone.
 */
class VSpaceSwitchTest {

    /** What the root task writes into the frame only the new VSpace maps. */
    private static final long MAGIC = 0x5ca1ab1eL;

    @Test
    void aThreadInANewVSpaceReadsWhatOnlyThatVSpaceMaps() {
        GuestMachine machine = GuestMachine.vspaceCase("new_vspace_runs_a_thread");
        assertEquals(Kernel.Exit.IDLE, machine.run(), machine.console.toString());
        assertEquals(MAGIC, machine.result(0), "the child sent what it read at 0x1e0000");
        assertEquals("child: in the new vspace\nroot: done\nchild: after the reply\n", machine.console.toString());
        Tcb child = child(machine);
        assertEquals(ThreadState.INACTIVE, child.state(), "the child suspended itself");
        assertEquals(null, child.fault());
    }

    @Test
    void aThreadWhoseVSpaceLosesItsAsidFaultsOnItsNextFetch() {
        GuestMachine machine = GuestMachine.vspaceCase("deleted_pool_stops_its_thread");
        assertEquals(Kernel.Exit.IDLE, machine.run(), machine.console.toString());
        assertEquals(MAGIC, machine.result(0));
        assertEquals(0, machine.result(1), "the pool is deleted");
        Tcb child = child(machine);
        Fault.VmFault fault = assertInstanceOf(Fault.VmFault.class, child.fault());
        assertTrue(fault.prefetch(), "the fetch after the reply faults");
        assertEquals(fault.faultIp(), fault.address());
        assertEquals(1, fault.fsr());
        assertEquals(ThreadState.INACTIVE, child.state());
        assertTrue(machine.console.toString().startsWith("child: in the new vspace\nroot: done\nCaught cap fault in send"
                + " phase at address (nil)\nwhile trying to handle:\nvm fault on code at address 0x"), machine.console.toString());
        assertEquals(-1, machine.console.indexOf("after the reply"));
    }

    @Test
    void settingItsOwnVSpaceMovesTheCallerIntoItAtOnce() {
        GuestMachine machine = GuestMachine.vspaceCase("set_space_moves_the_caller");
        assertEquals(Kernel.Exit.IDLE, machine.run(), machine.console.toString());
        assertEquals(0, machine.result(0));
        assertEquals(MAGIC, machine.result(1), "read at 0x1e0000, which only the new VSpace maps");
        assertEquals("root: reading 0x1e0000 in its new vspace\n", machine.console.toString());
        assertEquals(null, machine.root.fault());
        assertEquals(512, machine.kernel.asids().root(512).asid());
        assertEquals(machine.kernel.asids().root(512).addressSpace(), machine.kernel.hart().addressSpace(),
                "the hart stays on the new VSpace");
    }

    private static Tcb child(GuestMachine machine) {
        return machine.kernel.objects().all(Tcb.class).stream().filter(t -> t != machine.root).findFirst()
                .orElseThrow(() -> new AssertionError("no second thread"));
    }
}
