package dev.faultline.kernel.system;

/** A system description that cannot be read or loaded: the file, the line, and what was expected there. */
public final class SystemDescriptionException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String file;
    private final int line;

    public SystemDescriptionException(String file, int line, String message) {
        super(file + ":" + line + ": " + message);
        this.file = file;
        this.line = line;
    }

    public String file() {
        return file;
    }

    /** The line (1-based), or 0 when the problem concerns the whole file. */
    public int line() {
        return line;
    }
}
