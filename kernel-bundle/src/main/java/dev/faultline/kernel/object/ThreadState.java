package dev.faultline.kernel.object;

/** A thread's scheduling state, with seL4's numbers (include/object/structures.h). */
public enum ThreadState {
    INACTIVE(0),
    RUNNING(1),
    RESTART(2),
    BLOCKED_ON_RECEIVE(3),
    BLOCKED_ON_SEND(4),
    BLOCKED_ON_REPLY(5),
    BLOCKED_ON_NOTIFICATION(6),
    IDLE(7);

    private final int number;

    ThreadState(int number) {
        this.number = number;
    }

    public int number() {
        return number;
    }

    /** Running and Restart threads may be scheduled. */
    public boolean isRunnable() {
        return this == RUNNING || this == RESTART;
    }

    /** The states TCB_Resume acts on. */
    public boolean isStopped() {
        return switch (this) {
            case INACTIVE, BLOCKED_ON_RECEIVE, BLOCKED_ON_SEND, BLOCKED_ON_NOTIFICATION, BLOCKED_ON_REPLY -> true;
            default -> false;
        };
    }

    /** seL4's name, as DumpScheduler prints it. */
    public String sel4Name() {
        return switch (this) {
            case INACTIVE -> "inactive";
            case RUNNING -> "running";
            case RESTART -> "restart";
            case BLOCKED_ON_RECEIVE -> "blocked on recv";
            case BLOCKED_ON_SEND -> "blocked on send";
            case BLOCKED_ON_REPLY -> "blocked on reply";
            case BLOCKED_ON_NOTIFICATION -> "blocked on ntfn";
            case IDLE -> "idle";
        };
    }
}
