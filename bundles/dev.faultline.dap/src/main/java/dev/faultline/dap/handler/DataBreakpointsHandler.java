package dev.faultline.dap.handler;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.lsp4j.debug.DataBreakpoint;
import org.eclipse.lsp4j.debug.DataBreakpointAccessType;
import org.eclipse.lsp4j.debug.DataBreakpointInfoArguments;
import org.eclipse.lsp4j.debug.DataBreakpointInfoResponse;

import dev.faultline.dap.server.Convert;
import dev.faultline.dap.server.DapSession;
import dev.faultline.dap.server.References;
import dev.faultline.dap.session.BreakpointSpec;
import dev.faultline.dap.session.Expression;
import dev.faultline.dap.session.SessionException;
import dev.faultline.dap.session.ThreadContext;
import dev.faultline.dap.session.WatchTable;
import dev.faultline.emulator.debug.WatchKind;
import dev.faultline.kernel.object.Tcb;

/**
 * dataBreakpointInfo and setDataBreakpoints: watchpoints on memory. A data id is "ADDRESS:LENGTH"
 * in hex and decimal; a name is an expression for the address (a symbol's value is its address).
 */
public final class DataBreakpointsHandler {

    /** The length watched when the client does not say: one 64-bit word. */
    static final int WORD = 8;

    private final DapSession session;

    public DataBreakpointsHandler(DapSession session) {
        this.session = session;
    }

    public DataBreakpointInfoResponse info(DataBreakpointInfoArguments arguments) {
        DataBreakpointInfoResponse response = new DataBreakpointInfoResponse();
        if (arguments.getVariablesReference() != null && arguments.getVariablesReference() > 0
                && session.references().get(arguments.getVariablesReference()) instanceof References.ScopeRef) {
            response.setDescription("registers and kernel values cannot be watched: only memory can");
            return response;
        }
        Expression expression = Expression.parse(arguments.getName() == null ? "" : arguments.getName());
        Long frameThread = arguments.getFrameId() == null ? null : session.frame(arguments.getFrameId()).thread();
        long address = session.call(debuggee -> {
            Tcb thread = frameThread != null ? debuggee.machine().thread(frameThread)
                    : debuggee.stop() != null ? debuggee.machine().thread(debuggee.stop().thread())
                    : debuggee.machine().threads().get(0);
            return expression.evaluate(new ThreadContext(debuggee.machine(), thread));
        });
        int length = arguments.getBytes() != null && arguments.getBytes() > 0 ? arguments.getBytes() : WORD;
        response.setDataId(Convert.address(address) + ":" + length);
        response.setDescription(length + " bytes at " + Convert.address(address) + " (" + arguments.getName() + ")");
        response.setAccessTypes(new DataBreakpointAccessType[] {DataBreakpointAccessType.WRITE,
            DataBreakpointAccessType.READ, DataBreakpointAccessType.READ_WRITE});
        response.setCanPersist(false);
        return response;
    }

    public org.eclipse.lsp4j.debug.Breakpoint[] set(DataBreakpoint[] asked) {
        List<WatchTable.Request> requests = new ArrayList<>();
        for (DataBreakpoint breakpoint : asked == null ? new DataBreakpoint[0] : asked) {
            String dataId = breakpoint.getDataId() == null ? "" : breakpoint.getDataId();
            int colon = dataId.lastIndexOf(':');
            if (colon < 0) {
                throw new SessionException(SessionException.BAD_ARGUMENT,
                        "data id '" + dataId + "' is not one dataBreakpointInfo gave (ADDRESS:LENGTH)");
            }
            long address = Convert.parseAddress(dataId.substring(0, colon), 0);
            int length;
            try {
                length = Integer.parseInt(dataId.substring(colon + 1));
            } catch (NumberFormatException e) {
                throw new SessionException(SessionException.BAD_ARGUMENT, "data id '" + dataId + "' has no length");
            }
            requests.add(new WatchTable.Request(session.nextBreakpointId(), address, length, kind(breakpoint.getAccessType()),
                    new BreakpointSpec(breakpoint.getCondition(), breakpoint.getHitCondition(), null)));
        }
        return session.setBreakpoints("data", debuggee -> debuggee.watches().replace(requests))
                .map(set -> set.stream().map(Convert::breakpoint).toArray(org.eclipse.lsp4j.debug.Breakpoint[]::new))
                .orElseGet(() -> requests.stream().map(r -> Convert.pending(r.id()))
                        .toArray(org.eclipse.lsp4j.debug.Breakpoint[]::new));
    }

    private static WatchKind kind(DataBreakpointAccessType access) {
        if (access == null) {
            return WatchKind.WRITE;
        }
        return switch (access) {
            case READ -> WatchKind.READ;
            case WRITE -> WatchKind.WRITE;
            case READ_WRITE -> WatchKind.ACCESS;
        };
    }
}
