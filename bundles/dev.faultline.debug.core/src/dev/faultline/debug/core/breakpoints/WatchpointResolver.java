package dev.faultline.debug.core.breakpoints;

import org.eclipse.debug.core.DebugException;
import org.eclipse.lsp4j.debug.DataBreakpoint;
import org.eclipse.lsp4j.debug.DataBreakpointInfoArguments;
import org.eclipse.lsp4j.debug.DataBreakpointInfoResponse;

import dev.faultline.debug.core.dap.DapClient;

/**
 * Turns a watchpoint into the data breakpoint setDataBreakpoints takes: its expression resolved by
 * dataBreakpointInfo now (a symbol's address does not move; an expression over registers is read
 * in the thread the machine stopped in), with its size (or none, for the adapter's) and accesses.
 */
final class WatchpointResolver {

    private WatchpointResolver() {
    }

    /** The data breakpoint, or null when the adapter cannot resolve the expression: the watchpoint then shows why. */
    static DataBreakpoint resolve(DapClient client, FaultlineWatchpoint watchpoint) {
        DataBreakpointInfoArguments info = new DataBreakpointInfoArguments();
        info.setName(watchpoint.expression());
        info.setBytes(watchpoint.bytes());
        DataBreakpointInfoResponse resolved;
        try {
            resolved = client.call("watchpoint on " + watchpoint.expression(), adapter -> adapter.dataBreakpointInfo(info));
        } catch (DebugException e) {
            // One expression the adapter cannot read must not keep the others from their places.
            BreakpointStatus.record(watchpoint, false, e.getMessage(), null);
            return null;
        }
        if (resolved.getDataId() == null) {
            BreakpointStatus.record(watchpoint, false, resolved.getDescription(), null);
            return null;
        }
        DataBreakpoint data = new DataBreakpoint();
        data.setDataId(resolved.getDataId());
        data.setAccessType(watchpoint.accessType());
        return data;
    }
}
