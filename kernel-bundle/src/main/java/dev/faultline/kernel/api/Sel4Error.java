package dev.faultline.kernel.api;

/** seL4_Error: the codes an invocation's reply carries as its label (libsel4 errors.h). */
public enum Sel4Error {
    NO_ERROR(0),
    INVALID_ARGUMENT(1),
    INVALID_CAPABILITY(2),
    ILLEGAL_OPERATION(3),
    RANGE_ERROR(4),
    ALIGNMENT_ERROR(5),
    FAILED_LOOKUP(6),
    TRUNCATED_MESSAGE(7),
    DELETE_FIRST(8),
    REVOKE_FIRST(9),
    NOT_ENOUGH_MEMORY(10);

    private final int code;

    Sel4Error(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The libsel4 name, for logs: seL4_InvalidArgument. */
    public String sel4Name() {
        StringBuilder name = new StringBuilder("seL4_");
        for (String part : name().split("_")) {
            name.append(part.charAt(0)).append(part.substring(1).toLowerCase());
        }
        return name.toString();
    }
}
