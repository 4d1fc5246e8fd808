package dev.faultline.kernel.object.invocation;

/**
 * A decoded invocation: every argument checked, so performing it cannot fail with an error
 * (seL4's decode/invoke split). It answers the MRs of its reply (label 0), or none.
 */
@FunctionalInterface
public interface Invocation {

    long[] NO_REPLY = new long[0];

    long[] perform();
}
