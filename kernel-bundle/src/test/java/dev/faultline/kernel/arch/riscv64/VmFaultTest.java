package dev.faultline.kernel.arch.riscv64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import dev.faultline.kernel.Kernel;
import dev.faultline.kernel.api.Fault;
import dev.faultline.kernel.object.ThreadState;

/**
 * Touching memory a mapping does not allow is a VM fault (reference §2.5); the root task has no
 * fault handler, so the kernel prints the double-fault report and the thread stops.
 */
class VmFaultTest {

    private static final long FAR = 0x8000_0000L;
    private static final long LOAD = 5;
    private static final long STORE = 7;

    private static Fault.VmFault runToFault(GuestMachine machine, long address, long status) {
        assertEquals(Kernel.Exit.IDLE, machine.run(), machine.console.toString());
        assertEquals(ThreadState.INACTIVE, machine.root.state());
        Fault.VmFault fault = assertInstanceOf(Fault.VmFault.class, machine.root.fault());
        assertEquals(address, fault.address());
        assertEquals(status, fault.fsr());
        String report = machine.reports.toString();
        assertTrue(report.startsWith(String.format("Caught cap fault in send phase at address (nil)%nwhile trying to"
                + " handle:%nvm fault on data at address 0x%x with status 0x%x%nin thread 0x%x \"rootserver\" at address"
                + " 0x%x%nWith stack:%n", address, status, machine.root.id(), fault.faultIp())), report);
        return fault;
    }

    @Test
    void writingToAReadOnlyMappingFaultsAfterTheReadWorked() {
        GuestMachine machine = GuestMachine.vspaceCase("read_only_write_faults");
        runToFault(machine, FAR, STORE);
        assertTrue(machine.console.toString().startsWith("Read x: 0\nSet x to 5\nCaught cap fault"), machine.console.toString());
        assertEquals(-1, machine.console.indexOf("Success!"));
    }

    @Test
    void anUnmappedPageFaultsOnTheNextRead() {
        GuestMachine machine = GuestMachine.vspaceCase("unmapped_page_faults");
        runToFault(machine, FAR, LOAD);
        assertTrue(machine.console.toString().startsWith("unmap: 0\nCaught"), machine.console.toString());
        assertNull(machine.bootRoot().addressSpace().page(FAR));
    }

    @Test
    void anUnmappedTableTakesThePagesBeneathItOut() {
        GuestMachine machine = GuestMachine.vspaceCase("unmapped_table_faults");
        runToFault(machine, FAR + 0x3000, LOAD);
        assertTrue(machine.console.toString().startsWith("unmap table: 0\nCaught"), machine.console.toString());
    }

    @Test
    void aKernelOnlyMappingIsExecuteOnlySoAReadFaults() {
        GuestMachine machine = GuestMachine.vspaceCase("kernel_only_mapping_faults_on_read");
        runToFault(machine, FAR, LOAD);
        assertTrue(machine.console.toString().startsWith("map: 0\nCaught"), machine.console.toString());
    }

    @Test
    void deletingAMappedFrameCapUnmapsTheFrame() {
        GuestMachine machine = GuestMachine.vspaceCase("deleted_frame_cap_faults");
        runToFault(machine, FAR, LOAD);
        assertTrue(machine.console.toString().startsWith("delete: 0\nCaught"), machine.console.toString());
    }

    @Test
    void revokingTheUntypedUnmapsItsTablesAndFrames() {
        GuestMachine machine = GuestMachine.vspaceCase("revoked_untyped_faults");
        runToFault(machine, FAR + 0x5000, LOAD);
        assertTrue(machine.console.toString().startsWith("revoke: 0\nCaught"), machine.console.toString());
        assertNull(VSpace.lookup(machine.bootRoot(), FAR).entry(), "the level-1 table left the root");
    }
}
