package dev.faultline.emulator.isa;

/**
 * The M extension's results, including the cases the RISC-V unprivileged specification defines
 * instead of trapping ("Division Operations": division by zero and signed overflow).
 */
public final class MulDiv {

    private MulDiv() {
    }

    /** High 64 bits of signed × unsigned: the unsigned operand's top bit adds a × 2^64. */
    public static long mulhsu(long a, long b) {
        return Math.multiplyHigh(a, b) + (b < 0 ? a : 0);
    }

    /** Signed division: x / 0 = -1, MIN / -1 = MIN. */
    public static long div(long a, long b) {
        if (b == 0) {
            return -1;
        }
        return a == Long.MIN_VALUE && b == -1 ? Long.MIN_VALUE : a / b;
    }

    /** Unsigned division: x / 0 = all ones. */
    public static long divu(long a, long b) {
        return b == 0 ? -1 : Long.divideUnsigned(a, b);
    }

    /** Signed remainder: x % 0 = x, MIN % -1 = 0. */
    public static long rem(long a, long b) {
        if (b == 0) {
            return a;
        }
        return b == -1 ? 0 : a % b;
    }

    /** Unsigned remainder: x % 0 = x. */
    public static long remu(long a, long b) {
        return b == 0 ? a : Long.remainderUnsigned(a, b);
    }

    /** DIVW: 32-bit signed division, result sign-extended. */
    public static long divw(long a, long b) {
        int x = (int) a;
        int y = (int) b;
        if (y == 0) {
            return -1;
        }
        return x == Integer.MIN_VALUE && y == -1 ? Integer.MIN_VALUE : x / y;
    }

    /** DIVUW: 32-bit unsigned division, result sign-extended from bit 31. */
    public static long divuw(long a, long b) {
        int y = (int) b;
        return y == 0 ? -1 : Integer.divideUnsigned((int) a, y);
    }

    /** REMW: 32-bit signed remainder, sign-extended. */
    public static long remw(long a, long b) {
        int x = (int) a;
        int y = (int) b;
        if (y == 0) {
            return x;
        }
        return y == -1 ? 0 : x % y;
    }

    /** REMUW: 32-bit unsigned remainder, sign-extended from bit 31. */
    public static long remuw(long a, long b) {
        int y = (int) b;
        return y == 0 ? (int) a : Integer.remainderUnsigned((int) a, y);
    }
}
