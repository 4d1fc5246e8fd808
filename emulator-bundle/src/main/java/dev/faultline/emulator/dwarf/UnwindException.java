package dev.faultline.emulator.dwarf;

/**
 * Why a caller's frame could not be computed from well-formed CFI: unreadable memory, a register
 * the rule needs but nobody knows, or a rule kind this unwinder does not evaluate (DWARF expressions).
 */
public final class UnwindException extends Exception {

    private static final long serialVersionUID = 1L;

    public UnwindException(String message) {
        super(message);
    }
}
