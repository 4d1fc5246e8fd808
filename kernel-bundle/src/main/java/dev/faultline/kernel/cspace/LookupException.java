package dev.faultline.kernel.cspace;

import dev.faultline.kernel.api.LookupFailure;

/** A capability lookup that failed, with seL4's reason; the caller turns it into a fault or an error. */
public final class LookupException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient LookupFailure failure;

    public LookupException(LookupFailure failure) {
        super(failure.toString(), null, false, false);
        this.failure = failure;
    }

    public LookupFailure failure() {
        return failure;
    }
}
