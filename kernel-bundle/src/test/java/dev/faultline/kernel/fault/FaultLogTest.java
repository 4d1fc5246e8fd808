package dev.faultline.kernel.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.faultline.kernel.api.Fault;
import dev.faultline.kernel.api.LookupFailure;
import dev.faultline.kernel.journal.KernelEvent;
import dev.faultline.kernel.journal.Trapframe;

/** The fault log follows each fault from raised to delivered to its reply, or to a double fault. */
class FaultLogTest {

    private static final Trapframe FRAME = new Trapframe(new long[Trapframe.SIZE]);
    private static final Fault VM = new Fault.VmFault(0x10010, 0x9000, false, 5);
    private static final Fault SYSCALL = new Fault.UnknownSyscall(0x10020, 0x3000, 0x10004, new long[7], 42);

    @Test
    void aDeliveredAndAnsweredFaultRestartsWithTheRegistersTheReplyWrote() {
        List<FaultLog.Entry> log = FaultLog.of(List.of(
                new KernelEvent.FaultRaised(10, 7, "client", SYSCALL, FRAME),
                new KernelEvent.FaultDelivered(11, 7, 8, 3, 0xbeef, SYSCALL),
                new KernelEvent.FaultReplyApplied(20, 7, 8, SYSCALL, Map.of("pc", 0x10024L, "a0", 5L), true)));
        FaultLog.Entry entry = log.get(0);
        assertEquals(FaultLog.Outcome.RESTARTED, entry.outcome());
        assertEquals(0xbeef, entry.badge());
        assertEquals(8, entry.handlerThread());
        String text = FaultLog.format(log);
        assertTrue(text.startsWith("Fault log: 1 fault\n[1] at instruction 10: thread 7 \"client\": unknown syscall 0x2a\n"), text);
        assertTrue(text.contains("    message: UnknownSyscall FaultIP=0x10020 SP=0x3000 RA=0x10004"), text);
        assertTrue(text.contains("    handler: endpoint #3, badge 0xbeef, thread 8\n"), text);
        assertTrue(text.contains("restarted, reply wrote"), text);
    }

    @Test
    void aFaultWithoutAHandlerEndsAsADoubleFault() {
        Fault second = new Fault.CapFault(0x10010, 0, false, new LookupFailure.MissingCapability(0));
        List<FaultLog.Entry> log = FaultLog.of(List.of(
                new KernelEvent.FaultRaised(5, 1, "rootserver", VM, FRAME),
                new KernelEvent.DoubleFault(5, 1, "rootserver", VM, second, "Caught ...")));
        assertEquals(FaultLog.Outcome.DOUBLE_FAULT, log.get(0).outcome());
        assertTrue(FaultLog.format(log).contains("message: VMFault IP=0x10010 Addr=0x9000 PrefetchFault=0x0 FSR=0x5"));
    }

    @Test
    void aFaultNoHandlerHasTakenYetIsPending() {
        List<FaultLog.Entry> log = FaultLog.of(List.of(new KernelEvent.FaultRaised(5, 1, "t", VM, FRAME)));
        assertEquals(FaultLog.Outcome.PENDING, log.get(0).outcome());
        assertEquals("Fault log: no faults\n", FaultLog.format(List.of()));
    }

    @Test
    void aLogFollowingTheJournalKeepsItsFirstFaultsAndCountsTheRest() {
        FaultLog log = new FaultLog(2);
        for (int i = 0; i < 5; i++) {
            log.accept(new KernelEvent.FaultRaised(i * 10, 7, "client", VM, FRAME));
            log.accept(new KernelEvent.FaultDelivered(i * 10 + 1, 7, 8, 3, 1, VM));
            log.accept(new KernelEvent.FaultReplyApplied(i * 10 + 2, 7, 8, VM, Map.of(), true));
        }
        assertEquals(2, log.entries().size());
        assertEquals(List.of(FaultLog.Outcome.RESTARTED, FaultLog.Outcome.RESTARTED),
                log.entries().stream().map(FaultLog.Entry::outcome).toList());
        assertEquals(3, log.omitted());
        assertTrue(log.format().startsWith("Fault log: 2 faults\n"), log.format());
        assertTrue(log.format().endsWith("... and 3 later faults, not kept\n"), log.format());
    }
}
