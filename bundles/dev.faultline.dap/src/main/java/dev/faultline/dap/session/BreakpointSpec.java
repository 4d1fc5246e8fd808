package dev.faultline.dap.session;

/**
 * What a client asks of one breakpoint besides its place: an optional condition, hit condition
 * and log message (null when absent), as DAP's SourceBreakpoint, FunctionBreakpoint and
 * InstructionBreakpoint carry them.
 */
public record BreakpointSpec(String condition, String hitCondition, String logMessage) {

    public static final BreakpointSpec PLAIN = new BreakpointSpec(null, null, null);
}
