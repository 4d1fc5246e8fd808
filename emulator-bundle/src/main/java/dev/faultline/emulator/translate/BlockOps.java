package dev.faultline.emulator.translate;

/**
 * The comparisons translated blocks call instead of branching inside their bytecode (which stays
 * straight-line): set-less-than and the six conditional branches, each answering a value.
 */
public final class BlockOps {

    private BlockOps() {
    }

    public static long slt(long a, long b) {
        return a < b ? 1 : 0;
    }

    public static long sltu(long a, long b) {
        return Long.compareUnsigned(a, b) < 0 ? 1 : 0;
    }

    public static long beq(long a, long b, long taken, long next) {
        return a == b ? taken : next;
    }

    public static long bne(long a, long b, long taken, long next) {
        return a != b ? taken : next;
    }

    public static long blt(long a, long b, long taken, long next) {
        return a < b ? taken : next;
    }

    public static long bge(long a, long b, long taken, long next) {
        return a >= b ? taken : next;
    }

    public static long bltu(long a, long b, long taken, long next) {
        return Long.compareUnsigned(a, b) < 0 ? taken : next;
    }

    public static long bgeu(long a, long b, long taken, long next) {
        return Long.compareUnsigned(a, b) >= 0 ? taken : next;
    }
}
