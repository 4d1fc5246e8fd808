package dev.faultline.dap.session;

/**
 * A request the machine cannot carry out, with a number a client can act on and a message a user
 * can read; the session and the machine stay usable.
 */
public final class SessionException extends RuntimeException {

    private final int code;

    public SessionException(int code, String message) {
        super(message);
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** Error numbers, stable across versions (the DAP error message's id). */
    public static final int NO_MACHINE = 1001;
    public static final int BAD_ARGUMENT = 1002;
    public static final int NO_THREAD = 1003;
    public static final int NOT_STOPPED = 1004;
    public static final int LAUNCH_FAILED = 1005;
    public static final int MEMORY = 1006;
    public static final int EXPRESSION = 1007;
    public static final int BUSY = 1008;
    public static final int UNSUPPORTED = 1009;
    public static final int TOKEN = 1010;
}
