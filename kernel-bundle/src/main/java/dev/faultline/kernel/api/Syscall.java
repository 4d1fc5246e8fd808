package dev.faultline.kernel.api;

/**
 * The system calls of seL4 riscv64 (non-MCS, debug build) with their numbers as a7 carries them
 * (libsel4 api/syscall.xml, numbered downward from -1; debug calls follow the eight API calls).
 */
public enum Syscall {
    CALL(-1),
    REPLY_RECV(-2),
    SEND(-3),
    NB_SEND(-4),
    RECV(-5),
    REPLY(-6),
    YIELD(-7),
    NB_RECV(-8),
    DEBUG_PUT_CHAR(-9),
    DEBUG_DUMP_SCHEDULER(-10),
    DEBUG_HALT(-11),
    DEBUG_CAP_IDENTIFY(-12),
    DEBUG_SNAPSHOT(-13),
    DEBUG_NAME_THREAD(-14);

    /** The range the kernel checks before dispatching (SYSCALL_MIN on non-MCS is -8). */
    public static final long API_MIN = -8;
    public static final long API_MAX = -1;

    private final long number;

    Syscall(long number) {
        this.number = number;
    }

    /** The value of a7 that selects this call. */
    public long number() {
        return number;
    }

    /** Whether this is one of the eight API calls, rather than a debug call. */
    public boolean isApi() {
        return number >= API_MIN && number <= API_MAX;
    }

    /**
     * The call a7 selects, or null: the kernel turns an unknown number into an UnknownSyscall
     * fault rather than an error, so absence is an answer, not a failure.
     */
    public static Syscall fromNumber(long a7) {
        long index = -a7 - 1;
        Syscall[] all = values();
        return index >= 0 && index < all.length ? all[(int) index] : null;
    }
}
