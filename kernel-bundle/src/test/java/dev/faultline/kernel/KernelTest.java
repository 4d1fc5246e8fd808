package dev.faultline.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.faultline.kernel.api.Fault;
import dev.faultline.kernel.journal.KernelEvent;

import dev.faultline.kernel.object.ThreadState;

/** The kernel end to end on small root tasks: boot, system calls, faults, scheduling to idle. */
class KernelTest {

    @Test
    void aRootTaskPrintsThroughDebugPutCharAndHalts() {
        TestMachine machine = TestMachine.assembly("hello", """
                .globl _start
                _start:
                    li a0, 'h'
                    li a7, -9
                    ecall
                    li a0, 'i'
                    ecall
                    li a7, -11
                    ecall
                """);
        assertEquals(Kernel.Exit.HALTED, machine.run());
        assertEquals("hi", machine.guest.toString());
        assertTrue(machine.reports.toString().contains("Debug halt syscall from user thread"), machine.reports.toString());
        assertTrue(machine.reports.toString().contains("\"rootserver\""), machine.reports.toString());
    }

    @Test
    void theRootTaskStartsWithTheBootInfoAddressInA0() {
        TestMachine machine = TestMachine.assembly("bootinfo", """
                .globl _start
                _start:
                    ld t0, 32(a0)      /* bootinfo->ipcBuffer */
                    sub a0, a0, t0     /* the boot info lies one page after the IPC buffer */
                    srli a0, a0, 12
                    addi a0, a0, '0'
                    li a7, -9
                    ecall
                    li a7, -11
                    ecall
                """);
        machine.run();
        assertEquals("1", machine.guest.toString(), "(bootinfo - ipcBuffer) / 4096");
    }

    @Test
    void anUnknownSyscallWithoutAFaultHandlerIsADoubleFaultAndTheThreadStops() {
        TestMachine machine = TestMachine.assembly("unknown", """
                .globl _start
                _start:
                    li a7, 42
                    ecall
                    li a0, 'x'
                    li a7, -9
                    ecall
                """);
        assertEquals(Kernel.Exit.IDLE, machine.run());
        assertEquals("", machine.guest.toString());
        String report = machine.reports.toString();
        assertTrue(report.startsWith("Caught cap fault in send phase at address (nil)\nwhile trying to handle:\n"
                + "unknown syscall 0x2a\nin thread "), report);
        assertTrue(report.contains("\"rootserver\" at address 0x10004"), report);
        assertEquals(ThreadState.INACTIVE, machine.root.state());
    }

    @Test
    void anExceptionIsJournalledAsATrapWithItsFrameBeforeTheFaultItBecomes() {
        TestMachine machine = TestMachine.assembly("illegal", """
                .option norvc
                .globl _start
                _start:
                    li a0, 77
                    .word 0            /* an illegal instruction */
                """);
        machine.run();
        List<KernelEvent> events = machine.kernel.journal().events();
        int trapAt = indexOf(events, KernelEvent.TrapTaken.class);
        KernelEvent.TrapTaken trap = (KernelEvent.TrapTaken) events.get(trapAt);
        assertEquals(2, trap.cause(), "scause: illegal instruction");
        assertEquals("illegal instruction", trap.causeName());
        assertEquals(0x10004, trap.trapframe().pc(), "the pc of the illegal word");
        assertEquals(77, trap.trapframe().get(10), "a0 as the guest left it");
        KernelEvent.FaultRaised fault = (KernelEvent.FaultRaised) events.get(trapAt + 1);
        assertTrue(fault.fault() instanceof Fault.UserException, fault.toString());
        assertEquals(trap.trapframe(), fault.trapframe());
    }

    @Test
    void aSystemCallIsNotJournalledAsATrap() {
        TestMachine machine = TestMachine.assembly("putchar-only", """
                .globl _start
                _start:
                    li a0, 'k'
                    li a7, -9
                    ecall
                    li a7, -11
                    ecall
                """);
        machine.run();
        assertEquals(-1, indexOf(machine.kernel.journal().events(), KernelEvent.TrapTaken.class));
    }

    private static int indexOf(List<KernelEvent> events, Class<?> kind) {
        for (int i = 0; i < events.size(); i++) {
            if (kind.isInstance(events.get(i))) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void suspendingItselfLeavesNothingToRun() {
        TestMachine machine = TestMachine.assembly("suspend", """
                .option norvc
                .globl _start
                _start:
                    li a0, 1            /* seL4_CapInitThreadTCB */
                    li a1, (11 << 12)   /* label TCBSuspend, no caps, no words */
                    li a7, -1           /* seL4_Call */
                    ecall
                    li a0, 'x'
                    li a7, -9
                    ecall
                """);
        assertEquals(Kernel.Exit.IDLE, machine.run());
        assertEquals("", machine.guest.toString());
        assertEquals(ThreadState.INACTIVE, machine.root.state());
        // As in seL4 the caller is Restart while its invocation runs, so suspending itself does
        // not move FaultIP past the ecall: a Resume would run the Suspend again.
        assertEquals(0x1000c, machine.root.faultIp());
    }

    @Test
    void invokingANullCapAnswersInvalidCapabilityWithMr0Zero() {
        TestMachine machine = TestMachine.assembly("nullcap", """
                .globl _start
                _start:
                    li a0, 7            /* an empty slot */
                    li a1, (2 << 12)
                    li a7, -1
                    ecall
                    srli a0, a1, 12     /* the reply's label: the error code */
                    addi a0, a0, '0'
                    li a7, -9
                    ecall
                    addi a0, a2, '0'    /* MR0: which cap */
                    ecall
                    li a7, -11
                    ecall
                """);
        machine.run();
        assertEquals("20", machine.guest.toString(), "seL4_InvalidCapability (2), cap index 0");
    }
}
