package dev.faultline.kernel.journal;

import dev.faultline.kernel.api.Fault;
import dev.faultline.kernel.api.InvocationLabel;
import dev.faultline.kernel.api.MessageInfo;
import dev.faultline.kernel.api.ObjectType;
import dev.faultline.kernel.api.Sel4Error;
import dev.faultline.kernel.api.Syscall;
import dev.faultline.kernel.object.ThreadState;

/**
 * Something the kernel did that a user may want to see. Events are immutable and name objects
 * by id (and threads also by name), so they stay true after the objects change or go. time is
 * the machine's clock: instructions retired.
 */
public sealed interface KernelEvent {

    long time();

    /** A thread entered the kernel with a system call (number as in a7; null syscall if unknown). */
    record SyscallEntered(long time, long thread, String threadName, Syscall syscall, long number, long cptr,
            MessageInfo info) implements KernelEvent {
    }

    /** The kernel finished a system call: the thread's state after it (blocked, running, inactive...). */
    record SyscallExited(long time, long thread, Syscall syscall, long number, ThreadState state) implements KernelEvent {
    }

    /** A kernel-object invocation was refused with an error reply. */
    record InvocationFailed(long time, long thread, InvocationLabel label, Sel4Error error, String reason)
            implements KernelEvent {
    }

    /** A message went from sender to receiver through an endpoint (0 for a reply). */
    record MessageTransferred(long time, long sender, long receiver, long endpoint, long badge, MessageInfo info,
            Kind kind) implements KernelEvent {

        /** What carried the message. */
        public enum Kind {
            SEND,
            CALL,
            REPLY,
            FAULT
        }
    }

    /** A thread blocked sending on an endpoint, and waits in its queue. */
    record SendBlocked(long time, long thread, long endpoint, long badge, MessageInfo info, boolean call)
            implements KernelEvent {
    }

    /** A thread blocked receiving on an endpoint or notification. */
    record ReceiveBlocked(long time, long thread, long object) implements KernelEvent {
    }

    /** A notification was signalled with a badge; word is its value afterwards (0 if a waiter took it). */
    record Signalled(long time, long notification, long badge, long word, long woken) implements KernelEvent {
    }

    /** A thread's state changed. */
    record ThreadStateChanged(long time, long thread, String threadName, ThreadState from, ThreadState to)
            implements KernelEvent {
    }

    /** The scheduler switched the hart to another thread (0: idle). */
    record ThreadSwitched(long time, long from, long to) implements KernelEvent {
    }

    /** A capability operation: copy, mint, move, mutate, rotate, delete, revoke, save caller, transfer. */
    record CapOperation(long time, long thread, String operation, String source, String destination, String cap)
            implements KernelEvent {
    }

    /** Untyped_Retype (or boot) made an object. */
    record ObjectCreated(long time, long object, ObjectType type, long physicalAddress, int sizeBits, long untyped)
            implements KernelEvent {
    }

    /**
     * The last cap to an object went (deleted, revoked, or its CNode or thread finalised) and the
     * kernel finalised the object: it is gone (seL4 finaliseCap with final set).
     */
    record ObjectDestroyed(long time, long object, ObjectType type) implements KernelEvent {
    }

    /** A thread named itself or another (seL4_DebugNameThread). */
    record ThreadNamed(long time, long thread, String name) implements KernelEvent {
    }

    /** A thread faulted: the fault (with its message words), and the trapframe at the fault. */
    record FaultRaised(long time, long thread, String threadName, Fault fault, Trapframe trapframe) implements KernelEvent {
    }

    /**
     * The hart trapped into the kernel with an exception (not an ecall, which is a SyscallEntered):
     * scause and stval as the hart reported them, and the trapframe at the trap.
     */
    record TrapTaken(long time, long thread, String threadName, int cause, String causeName, long tval,
            Trapframe trapframe) implements KernelEvent {
    }

    /** A faulted thread's message reached its handler: through which endpoint, to which thread, with which badge. */
    record FaultDelivered(long time, long thread, long handlerThread, long endpoint, long badge, Fault fault)
            implements KernelEvent {
    }

    /**
     * A handler's reply to a faulted thread was applied: the registers it wrote (by ABI name, with
     * pc for FaultIP) and whether the thread restarts or stays inactive.
     */
    record FaultReplyApplied(long time, long thread, long replier, Fault fault, java.util.Map<String, Long> written,
            boolean restarted) implements KernelEvent {
        public FaultReplyApplied {
            written = java.util.Map.copyOf(written);
        }
    }

    /** No valid fault handler: the kernel's double-fault report, and the thread became inactive. */
    record DoubleFault(long time, long thread, String threadName, Fault fault, Fault handlerFault, String report)
            implements KernelEvent {
    }

    /** A device raised an interrupt line. */
    record InterruptRaised(long time, int irq) implements KernelEvent {
    }

    /** The kernel took an interrupt: it signalled the handler's notification (0 when the line has none). */
    record InterruptDelivered(long time, int irq, long notification, long badge) implements KernelEvent {
    }

    /** seL4_DebugHalt: the machine stops. */
    record Halted(long time, long thread) implements KernelEvent {
    }
}
