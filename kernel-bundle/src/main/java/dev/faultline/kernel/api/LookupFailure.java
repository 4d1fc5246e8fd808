package dev.faultline.kernel.api;

/**
 * Why a capability lookup failed (seL4 lookup_fault; API/Failures in the executable spec).
 * Its type number in messages is the kernel's tag + 1 (seL4_LookupFailureType).
 */
public sealed interface LookupFailure {

    /** seL4_LookupFailureType as messages carry it. */
    int type();

    /** The words that follow the type in a message (bitsLeft, bitsFound or guard, guardSize). */
    long[] words();

    /** The root was not a CNode cap. */
    record InvalidRoot() implements LookupFailure {
        public int type() {
            return 1;
        }

        public long[] words() {
            return new long[0];
        }
    }

    /** The slot reached was not the end of resolution (or empty where a cap was needed). */
    record MissingCapability(int bitsLeft) implements LookupFailure {
        public int type() {
            return 2;
        }

        public long[] words() {
            return new long[] {bitsLeft};
        }
    }

    /** A level's guard and radix did not fit the bits that remained. */
    record DepthMismatch(int bitsLeft, int bitsFound) implements LookupFailure {
        public int type() {
            return 3;
        }

        public long[] words() {
            return new long[] {bitsLeft, bitsFound};
        }
    }

    /** The CPtr's bits did not match a CNode's guard. */
    record GuardMismatch(int bitsLeft, long guardFound, int guardSize) implements LookupFailure {
        public int type() {
            return 4;
        }

        public long[] words() {
            return new long[] {bitsLeft, guardFound, guardSize};
        }
    }
}
