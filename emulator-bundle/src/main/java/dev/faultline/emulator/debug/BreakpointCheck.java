package dev.faultline.emulator.debug;

/**
 * Decides, inside the hart's loop, whether a breakpoint the hart reached stops it: a debugger's
 * conditions, hit counts and log messages run here, so that a breakpoint whose condition is false
 * costs a call, not a stop and a restart. The hart's registers hold the state at the breakpoint
 * (pc included) when it is called.
 */
@FunctionalInterface
public interface BreakpointCheck {

    /** Every breakpoint stops. */
    BreakpointCheck ALWAYS = pc -> true;

    /** Whether the breakpoint at pc stops the hart; false runs its instruction and goes on. */
    boolean stops(long pc);
}
