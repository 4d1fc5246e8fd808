package dev.faultline.kernel.inspect;

import dev.faultline.kernel.journal.Trapframe;
import dev.faultline.kernel.object.ThreadState;

/**
 * A thread control block as a debugger sees it: its name and state, registers (pc at 0) and
 * FaultIP, scheduling parameters, fault handler CPtr, bound notification, what it is blocked on
 * (null when not blocked), its CSpace root cap (null when its slot is empty), its VSpace root
 * table (0: none), its pending fault (null: none), and whether it is the current thread or waits
 * in a ready queue.
 */
public record TcbView(long id, String name, ThreadState state, Trapframe registers, long faultIp, int priority,
        int maxControlledPriority, long faultHandler, long ipcBuffer, long boundNotification, BlockedOn blocking,
        CapView cspaceRoot, long vspaceRoot, String fault, boolean current, boolean ready) {
}
