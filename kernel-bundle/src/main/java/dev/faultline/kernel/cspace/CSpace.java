package dev.faultline.kernel.cspace;

import dev.faultline.kernel.api.LookupFailure;
import dev.faultline.kernel.api.SyscallError;
import dev.faultline.kernel.object.Capability;
import dev.faultline.kernel.object.Capability.CNodeCap;
import dev.faultline.kernel.object.Cte;
import dev.faultline.kernel.object.Tcb;
import dev.faultline.kernel.object.TcbSlot;

/**
 * Capability lookup (seL4 src/kernel/cspace.c; SEL4/Kernel/CSpace): a CPtr is read from its most
 * significant end, each CNode taking its guard and then radix bits of index.
 */
public final class CSpace {

    public static final int WORD_BITS = 64;

    private CSpace() {
    }

    /** Where resolution stopped: the slot, and the bits of the CPtr still unresolved there. */
    public record Resolution(Cte slot, int bitsRemaining) {
    }

    /** seL4 resolveAddressBits: walks CNodes from root over depth bits of cptr. */
    public static Resolution resolve(Capability root, long cptr, int depth) throws LookupException {
        if (!(root instanceof CNodeCap node)) {
            throw new LookupException(new LookupFailure.InvalidRoot());
        }
        int bits = depth;
        while (true) {
            int radix = node.cnode().radix();
            int guardSize = node.guardSize();
            int levelBits = radix + guardSize;
            long guardFound = field(cptr, bits - guardSize, guardSize);
            if (guardSize > bits || guardFound != node.guard()) {
                throw new LookupException(new LookupFailure.GuardMismatch(bits, node.guard(), guardSize));
            }
            if (levelBits > bits) {
                throw new LookupException(new LookupFailure.DepthMismatch(bits, levelBits));
            }
            long index = field(cptr, bits - levelBits, radix);
            Cte slot = node.cnode().slot(index);
            if (bits == levelBits) {
                return new Resolution(slot, 0);
            }
            bits -= levelBits;
            if (!(slot.cap() instanceof CNodeCap next)) {
                return new Resolution(slot, bits);
            }
            node = next;
        }
    }

    /** width bits of value starting at bit shift (width may be 0; shift may be negative when width is 0). */
    private static long field(long value, int shift, int width) {
        if (width == 0) {
            return 0;
        }
        long shifted = shift >= WORD_BITS ? 0 : value >>> shift;
        return width >= WORD_BITS ? shifted : shifted & ((1L << width) - 1);
    }

    /**
     * seL4 lookupSlot: resolves cptr over the whole word in thread's CSpace. The slot may be
     * empty; a slot reached before all bits resolved is a missing capability.
     */
    public static Cte lookupSlot(Tcb thread, long cptr) throws LookupException {
        Resolution resolution = resolve(thread.slot(TcbSlot.CSPACE_ROOT).cap(), cptr, WORD_BITS);
        if (resolution.bitsRemaining() != 0) {
            throw new LookupException(new LookupFailure.MissingCapability(resolution.bitsRemaining()));
        }
        return resolution.slot();
    }

    /** seL4 lookupCap: the cap at cptr in thread's CSpace (null cap for an empty slot). */
    public static Capability lookupCap(Tcb thread, long cptr) throws LookupException {
        return lookupSlot(thread, cptr).cap();
    }

    /**
     * seL4 lookupSlotForCNodeOp: a slot named by (root, index, depth) as CNode methods name them.
     * Every failure is a FailedLookup error, for the source or the destination as isSource says.
     */
    public static Cte lookupSlotForCNodeOp(CNodeOperand operand, Capability root, long index, long depth)
            throws SyscallError {
        boolean isSource = operand == CNodeOperand.SOURCE;
        if (!(root instanceof CNodeCap)) {
            throw SyscallError.failedLookup(isSource, new LookupFailure.InvalidRoot(), "the root is not a CNode cap: " + root);
        }
        if (depth < 1 || depth > WORD_BITS) {
            throw SyscallError.rangeError(1, WORD_BITS, "depth " + depth + " is outside 1..64");
        }
        Resolution resolution;
        try {
            resolution = resolve(root, index, (int) depth);
        } catch (LookupException e) {
            throw SyscallError.failedLookup(isSource, e.failure(), "index 0x" + Long.toHexString(index) + " at depth " + depth);
        }
        if (resolution.bitsRemaining() != 0) {
            throw SyscallError.failedLookup(isSource, new LookupFailure.DepthMismatch(0, resolution.bitsRemaining()),
                    "index 0x" + Long.toHexString(index) + " at depth " + depth + " stops at a non-CNode cap");
        }
        return resolution.slot();
    }

    /** Which side of a CNode operation a lookup serves: FailedLookup's MR0 tells the caller. */
    public enum CNodeOperand {
        SOURCE,
        DESTINATION
    }
}
