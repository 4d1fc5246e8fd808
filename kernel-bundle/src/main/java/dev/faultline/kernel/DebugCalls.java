package dev.faultline.kernel;

import java.nio.charset.StandardCharsets;
import java.util.List;

import dev.faultline.kernel.api.Syscall;
import dev.faultline.kernel.cspace.CSpace;
import dev.faultline.kernel.cspace.LookupException;
import dev.faultline.kernel.ipc.IpcBuffer;
import dev.faultline.kernel.journal.KernelEvent;
import dev.faultline.kernel.object.Capability;
import dev.faultline.kernel.object.Capability.TcbCap;
import dev.faultline.kernel.object.Tcb;

/**
 * The debug system calls of a seL4 debug build (src/api/syscall.c handleUnknownSyscall's debug
 * cases): PutChar, DumpScheduler, Halt, CapIdentify, NameThread, Snapshot.
 */
final class DebugCalls {

    /** The longest name DebugNameThread takes: the IPC buffer's message words. */
    static final int MAX_NAME = 960;

    private DebugCalls() {
    }

    static void handle(Kernel kernel, Tcb thread, Syscall syscall) {
        long a0 = thread.registers().get(10);
        switch (syscall) {
            case DEBUG_PUT_CHAR -> kernel.console().guestByte((int) (a0 & 0xff));
            case DEBUG_DUMP_SCHEDULER -> kernel.console().kernelReport(dumpScheduler(kernel));
            case DEBUG_HALT -> {
                kernel.console().kernelReport(String.format("Debug halt syscall from user thread 0x%x \"%s\"%n", thread.id(),
                        thread.name()));
                kernel.halt(thread);
            }
            case DEBUG_CAP_IDENTIFY -> {
                long tag;
                try {
                    tag = CSpace.lookupCap(thread, a0).tag();
                } catch (LookupException e) {
                    tag = 0;
                }
                thread.registers().set(10, tag);
            }
            case DEBUG_NAME_THREAD -> nameThread(kernel, thread, a0);
            case DEBUG_SNAPSHOT -> kernel.console().kernelReport(
                    "seL4_DebugSnapshot: Faultline does not write capDL snapshots; see the inspector instead\n");
            default -> throw new IllegalStateException(syscall + " is not a debug call");
        }
    }

    /** seL4_DebugNameThread: a name that is not a TCB's, or too long, halts the kernel as in seL4. */
    private static void nameThread(Kernel kernel, Tcb thread, long cptr) {
        Capability cap;
        try {
            cap = CSpace.lookupCap(thread, cptr);
        } catch (LookupException e) {
            cap = Capability.NULL;
        }
        IpcBuffer buffer = IpcBuffer.of(thread, IpcBuffer.Use.SEND);
        if (!(cap instanceof TcbCap target) || buffer == null) {
            kernel.console().kernelReport("seL4_DebugNameThread: cap " + cptr + " is not a TCB cap, or the caller has no IPC"
                    + " buffer; halting\n");
            kernel.halt(thread);
            return;
        }
        byte[] name = new byte[MAX_NAME];
        int length = 0;
        while (length < MAX_NAME) {
            byte b = (byte) (buffer.word(IpcBuffer.MSG + length / 8) >>> (8 * (length % 8)));
            if (b == 0) {
                break;
            }
            name[length++] = b;
        }
        if (length == MAX_NAME) {
            kernel.console().kernelReport("seL4_DebugNameThread: name is not NUL-terminated within " + MAX_NAME
                    + " bytes; halting\n");
            kernel.halt(thread);
            return;
        }
        String text = new String(name, 0, length, StandardCharsets.UTF_8);
        target.tcb().setName(text);
        if (kernel.journal().isOn()) {
            kernel.journal().record(new KernelEvent.ThreadNamed(kernel.now(), target.tcb().id(), text));
        }
    }

    /**
     * The table seL4_DebugDumpScheduler prints (seL4 include/api/debug.h, debug_dumpScheduler, on
     * a uniprocessor non-MCS kernel with one domain: no Core, Dom or InReleaseQueue column). seL4
     * walks its debug list of threads, to whose head each new TCB is added; boot adds the root
     * task, then the idle thread. So: threads newest first, then the idle thread, then the root
     * task. IP is the restart address (FaultIP), printed by the kernel's %-18p.
     */
    static String dumpScheduler(Kernel kernel) {
        StringBuilder text = new StringBuilder("Dumping all tcbs!\n");
        text.append(String.format("%-40s   %-16s   %-18s   %-4s\n", "Name", "State", "IP", "Prio"));
        text.append("-".repeat(88)).append('\n');
        List<Tcb> threads = kernel.objects().all(Tcb.class);
        for (int i = threads.size() - 1; i >= 0; i--) {
            if (i == 0) {
                // The model has no idle thread object: it shows the one seL4 has, before it has
                // ever run (once interrupted, seL4 shows the kernel address of its wait loop).
                text.append(row("idle_thread", "idle", 0, 0));
            }
            Tcb tcb = threads.get(i);
            text.append(row(tcb.name(), tcb.state().sel4Name(), tcb.faultIp(), tcb.priority()));
        }
        return text.toString();
    }

    private static String row(String name, String state, long ip, int priority) {
        return String.format("%-40s   %-16s   %-18s   %4d\n", name, state, pointer(ip), priority);
    }

    /** The kernel printf's %p (musl's): 0x and 16 zero-padded hex digits; 0 as 16 zeros, no 0x. */
    private static String pointer(long value) {
        return value == 0 ? "0".repeat(16) : String.format("0x%016x", value);
    }
}
