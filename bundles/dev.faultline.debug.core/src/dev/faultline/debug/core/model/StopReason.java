package dev.faultline.debug.core.model;

import org.eclipse.debug.core.DebugEvent;

/**
 * Why the machine stopped, as the adapter's stopped event says, and how Eclipse calls that; filter
 * is the exception filter's id for a fault stop, else null.
 */
public record StopReason(int threadId, String reason, String description, Integer[] hitBreakpointIds, String filter) {

    /** The detail of the stopped thread's suspend event: the Debug view selects the top frame for a breakpoint or a step. */
    public int eventDetail() {
        return switch (reason) {
            case "breakpoint", "exception", "data breakpoint", "instruction breakpoint", "function breakpoint" ->
                DebugEvent.BREAKPOINT;
            case "step" -> DebugEvent.STEP_END;
            default -> DebugEvent.CLIENT_REQUEST;
        };
    }

    /** The words shown after the stopped thread's name. */
    public String label() {
        return description == null || description.isBlank() ? reason : description;
    }
}
