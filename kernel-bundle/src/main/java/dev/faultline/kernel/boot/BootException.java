package dev.faultline.kernel.boot;

/** A program or system that cannot be booted, with the reason. */
public final class BootException extends Exception {

    private static final long serialVersionUID = 1L;

    public BootException(String message) {
        super(message);
    }
}
