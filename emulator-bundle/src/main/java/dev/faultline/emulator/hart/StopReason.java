package dev.faultline.emulator.hart;

/** Why the hart's run loop returned to its caller. */
public enum StopReason {
    /** An instruction trapped; {@link Hart#trap()} says how. The instruction did not retire. */
    TRAP,
    /** The next instruction carries a software breakpoint; it has not executed. */
    BREAKPOINT,
    /** An access touched a watchpoint; {@link Hart#watchpointHit()} says which. */
    WATCHPOINT,
    /** A single step completed. */
    STEP,
    /** The instruction budget ran out. */
    BUDGET
}
