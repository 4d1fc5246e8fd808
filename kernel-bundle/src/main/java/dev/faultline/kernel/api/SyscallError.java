package dev.faultline.kernel.api;

import java.util.Arrays;

/**
 * An invocation's error, as seL4 returns it to a Call: the reply's label is the error code and
 * its message registers describe it (setMRs_syscall_error in src/object/tcb.c). Thrown by
 * decoders; performing an invocation can no longer fail this way.
 */
public final class SyscallError extends Exception {

    private static final long serialVersionUID = 1L;

    private final Sel4Error error;
    private final long[] registers;

    private SyscallError(Sel4Error error, String why, long... registers) {
        super(error.sel4Name() + (why.isEmpty() ? "" : ": " + why), null, false, false);
        this.error = error;
        this.registers = registers;
    }

    public Sel4Error error() {
        return error;
    }

    /** The message registers of the error reply. */
    public long[] registers() {
        return registers.clone();
    }

    public static SyscallError invalidArgument(int argument, String why) {
        return new SyscallError(Sel4Error.INVALID_ARGUMENT, why, argument);
    }

    /** cap 0 is the invoked cap, 1 the first extra cap, and so on. */
    public static SyscallError invalidCapability(int capIndex, String why) {
        return new SyscallError(Sel4Error.INVALID_CAPABILITY, why, capIndex);
    }

    public static SyscallError illegalOperation(String why) {
        return new SyscallError(Sel4Error.ILLEGAL_OPERATION, why);
    }

    public static SyscallError rangeError(long min, long max, String why) {
        return new SyscallError(Sel4Error.RANGE_ERROR, why, min, max);
    }

    public static SyscallError alignmentError(String why) {
        return new SyscallError(Sel4Error.ALIGNMENT_ERROR, why);
    }

    /** A lookup failed: sourceLookup says whether it was the source of a CNode operation. */
    public static SyscallError failedLookup(boolean sourceLookup, LookupFailure failure, String why) {
        long[] words = failure.words();
        long[] registers = new long[2 + words.length];
        registers[0] = sourceLookup ? 1 : 0;
        registers[1] = failure.type();
        System.arraycopy(words, 0, registers, 2, words.length);
        return new SyscallError(Sel4Error.FAILED_LOOKUP, why, registers);
    }

    public static SyscallError truncatedMessage(String why) {
        return new SyscallError(Sel4Error.TRUNCATED_MESSAGE, why);
    }

    public static SyscallError deleteFirst(String why) {
        return new SyscallError(Sel4Error.DELETE_FIRST, why);
    }

    public static SyscallError revokeFirst(String why) {
        return new SyscallError(Sel4Error.REVOKE_FIRST, why);
    }

    public static SyscallError notEnoughMemory(long bytesFree, String why) {
        return new SyscallError(Sel4Error.NOT_ENOUGH_MEMORY, why, bytesFree);
    }

    @Override
    public String toString() {
        return getMessage() + (registers.length == 0 ? "" : " " + Arrays.toString(registers));
    }
}
