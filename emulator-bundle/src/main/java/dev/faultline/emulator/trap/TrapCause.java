package dev.faultline.emulator.trap;

/**
 * The synchronous exceptions a user-mode RISC-V hart raises, with their exception codes
 * (RISC-V privileged specification, table "Supervisor cause register values").
 */
public enum TrapCause {
    INSTRUCTION_ADDRESS_MISALIGNED(0, "instruction address misaligned"),
    INSTRUCTION_ACCESS_FAULT(1, "instruction access fault"),
    ILLEGAL_INSTRUCTION(2, "illegal instruction"),
    BREAKPOINT(3, "breakpoint"),
    LOAD_ADDRESS_MISALIGNED(4, "load address misaligned"),
    LOAD_ACCESS_FAULT(5, "load access fault"),
    STORE_ADDRESS_MISALIGNED(6, "store/AMO address misaligned"),
    STORE_ACCESS_FAULT(7, "store/AMO access fault"),
    ECALL_FROM_U(8, "environment call from U-mode"),
    INSTRUCTION_PAGE_FAULT(12, "instruction page fault"),
    LOAD_PAGE_FAULT(13, "load page fault"),
    STORE_PAGE_FAULT(15, "store/AMO page fault");

    private static final TrapCause[] BY_CODE = new TrapCause[16];

    static {
        for (TrapCause cause : values()) {
            BY_CODE[cause.code] = cause;
        }
    }

    private final int code;
    private final String description;

    TrapCause(int code, String description) {
        this.code = code;
        this.description = description;
    }

    /** The exception code as scause reports it (interrupt bit clear). */
    public int code() {
        return code;
    }

    /** The privileged specification's name for this cause. */
    public String description() {
        return description;
    }

    /** The cause with this exception code; codes the hart never raises are an error. */
    public static TrapCause fromCode(long code) {
        if (code < 0 || code >= BY_CODE.length || BY_CODE[(int) code] == null) {
            throw new IllegalArgumentException("no user-mode exception has cause code " + code
                    + " (expected one of 0-8, 12, 13, 15)");
        }
        return BY_CODE[(int) code];
    }
}
