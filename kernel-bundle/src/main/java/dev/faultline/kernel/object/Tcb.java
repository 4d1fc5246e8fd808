package dev.faultline.kernel.object;

import dev.faultline.emulator.hart.Registers;
import dev.faultline.kernel.api.ObjectType;
import dev.faultline.kernel.api.Fault;

/**
 * A thread control block (seL4 tcb_t; SEL4/Object/TCB): the thread's registers, its scheduling
 * and IPC state, and the slots that hold its CSpace and VSpace roots, its reply caps and its
 * IPC buffer frame. The registers' pc is seL4's NextIP; {@link #faultIp()} is FaultIP.
 */
public final class Tcb extends KernelObject {

    /** seL4_TCBBits with the FPU on (riscv64's default). */
    public static final int SIZE_BITS = 11;

    private final Cte[] slots = new Cte[TcbSlot.values().length];
    private final Registers registers = new Registers();
    private ThreadState state = ThreadState.INACTIVE;
    private long faultIp;
    private int priority;
    private int maxControlledPriority;
    private long faultHandler;
    private long ipcBuffer;
    private int domain;
    private long flags;
    private String name;
    private Fault fault;
    private Notification boundNotification;
    private final Blocking blocking = new Blocking();
    /** Ticks left of the current time slice. */
    private int timeSlice = dev.faultline.kernel.schedule.Scheduler.TIME_SLICE_TICKS;
    /** Links of the ready queue or of an endpoint's or notification's queue; a thread is in at most one of each. */
    private Tcb readyPrev;
    private Tcb readyNext;
    private boolean inReadyQueue;
    Tcb queuePrev;
    Tcb queueNext;

    public Tcb(long id, long physicalAddress, String name) {
        super(id, physicalAddress, SIZE_BITS);
        for (TcbSlot slot : TcbSlot.values()) {
            slots[slot.ordinal()] = new Cte(this, slot.ordinal());
        }
        this.name = name;
        // seL4 setupReplyMaster: the master reply cap every Call's reply cap descends from.
        Cdt.insertOriginal(new Capability.ReplyCap(this, true, true), slots[TcbSlot.REPLY.ordinal()]);
    }

    @Override
    public ObjectType type() {
        return ObjectType.TCB;
    }

    public Cte slot(TcbSlot slot) {
        return slots[slot.ordinal()];
    }

    public Registers registers() {
        return registers;
    }

    public ThreadState state() {
        return state;
    }

    /** Sets the state directly; the scheduler and IPC code keep queues consistent with it. */
    public void setState(ThreadState state) {
        this.state = state;
    }

    /** seL4's FaultIP: the pc of the instruction that trapped into the kernel last. */
    public long faultIp() {
        return faultIp;
    }

    /**
     * Sets FaultIP, where the thread resumes. Bit 0 is dropped as the hart drops it: sepc[0] is
     * always zero with compressed instructions (RISC-V privileged spec, "sepc"), so a pc written by
     * WriteRegisters or a fault reply can never be odd.
     */
    public void setFaultIp(long faultIp) {
        this.faultIp = faultIp & ~1L;
    }

    public int priority() {
        return priority;
    }

    public void setPriority(int priority) {
        this.priority = priority;
    }

    /** The maximum controlled priority: the highest priority this thread may give another. */
    public int maxControlledPriority() {
        return maxControlledPriority;
    }

    public void setMaxControlledPriority(int mcp) {
        this.maxControlledPriority = mcp;
    }

    /** The fault handler as a CPtr, looked up in this thread's own CSpace when a fault happens. */
    public long faultHandler() {
        return faultHandler;
    }

    public void setFaultHandler(long cptr) {
        this.faultHandler = cptr;
    }

    /** The IPC buffer's virtual address (0: none). */
    public long ipcBuffer() {
        return ipcBuffer;
    }

    public void setIpcBuffer(long vaddr) {
        this.ipcBuffer = vaddr;
    }

    public int domain() {
        return domain;
    }

    public void setDomain(int domain) {
        this.domain = domain;
    }

    /** seL4_TCBFlag bits (TCB_SetFlags). */
    public long flags() {
        return flags;
    }

    public void setFlags(long flags) {
        this.flags = flags;
    }

    /** The name seL4_DebugNameThread gave, or the default. */
    public String name() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    /** The fault this thread is waiting to have handled, or null. */
    public Fault fault() {
        return fault;
    }

    public void setFault(Fault fault) {
        this.fault = fault;
    }

    public Notification boundNotification() {
        return boundNotification;
    }

    public void setBoundNotification(Notification notification) {
        this.boundNotification = notification;
    }

    /** What the thread is blocked on and how (valid while it is blocked on an endpoint or notification). */
    public Blocking blocking() {
        return blocking;
    }

    /** Ticks left of the thread's time slice. */
    public int timeSlice() {
        return timeSlice;
    }

    public void setTimeSlice(int ticks) {
        this.timeSlice = ticks;
    }

    public boolean isInReadyQueue() {
        return inReadyQueue;
    }

    /** The ready queue's links, which only the scheduler's queues change. */
    public Tcb readyPrev() {
        return readyPrev;
    }

    public Tcb readyNext() {
        return readyNext;
    }

    public void setReadyLinks(Tcb prev, Tcb next, boolean queued) {
        this.readyPrev = prev;
        this.readyNext = next;
        this.inReadyQueue = queued;
    }

    /** The thread after this one in the queue it waits in, or null. */
    public Tcb queueNext() {
        return queueNext;
    }

    /** The thread before this one in the queue it waits in, or null. */
    public Tcb queuePrev() {
        return queuePrev;
    }

    @Override
    public String label() {
        return "tcb #" + id() + " \"" + name + "\"";
    }

    /**
     * seL4's blocking state of a thread waiting on an endpoint: the object, the badge and rights
     * of the cap it used, and whether it called.
     */
    public static final class Blocking {
        private KernelObject object;
        private long badge;
        private boolean canGrant;
        private boolean canGrantReply;
        private boolean call;

        public KernelObject object() {
            return object;
        }

        public long badge() {
            return badge;
        }

        public boolean canGrant() {
            return canGrant;
        }

        public boolean canGrantReply() {
            return canGrantReply;
        }

        public boolean isCall() {
            return call;
        }

        /** Records a send: the object, and the cap's badge and rights, and whether the send was a Call. */
        public void send(KernelObject on, long sendBadge, SendRights rights) {
            object = on;
            badge = sendBadge;
            canGrant = rights.grant();
            canGrantReply = rights.grantReply();
            call = rights.call();
        }

        /** Records a receive on an object, and whether the receiver's cap had Grant (for the reply cap). */
        public void receive(KernelObject on, boolean receiverCanGrant) {
            object = on;
            badge = 0;
            canGrant = receiverCanGrant;
            canGrantReply = false;
            call = false;
        }

        public void clear() {
            receive(null, false);
        }
    }

    /** How a sender may transfer: Grant, GrantReply, and whether it is a Call. */
    public record SendRights(boolean grant, boolean grantReply, boolean call) {
    }
}
