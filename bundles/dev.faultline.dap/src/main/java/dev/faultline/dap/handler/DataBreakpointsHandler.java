package dev.faultline.dap.handler;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.eclipse.lsp4j.debug.DataBreakpoint;
import org.eclipse.lsp4j.debug.DataBreakpointAccessType;
import org.eclipse.lsp4j.debug.DataBreakpointInfoArguments;
import org.eclipse.lsp4j.debug.DataBreakpointInfoResponse;

import dev.faultline.dap.server.Convert;
import dev.faultline.dap.server.DapSession;
import dev.faultline.dap.server.References;
import dev.faultline.dap.session.BreakpointSpec;
import dev.faultline.dap.session.Expression;
import dev.faultline.dap.session.Globals;
import dev.faultline.dap.session.SessionException;
import dev.faultline.dap.session.ThreadContext;
import dev.faultline.dap.session.TypedValues;
import dev.faultline.dap.session.WatchTable;
import dev.faultline.emulator.debug.WatchKind;

/**
 * dataBreakpointInfo and setDataBreakpoints: watchpoints on memory. A data id is "ADDRESS:LENGTH"
 * in hex and decimal. What is watched: a variable of a Locals or Globals scope or a part of one
 * (its storage, all its bytes); a bare name of one of the frame's variables, or without a frame of
 * a global; else a name is an expression for the address (&x, sp - 16, a function's name), or
 * with asAddress an address; bytes, when given, is the length.
 */
public final class DataBreakpointsHandler {

    /** The length watched when the client does not say: one 64-bit word. */
    static final int WORD = 8;

    private final DapSession session;

    public DataBreakpointsHandler(DapSession session) {
        this.session = session;
    }

    public DataBreakpointInfoResponse info(DataBreakpointInfoArguments arguments) {
        String name = arguments.getName() == null ? "" : arguments.getName().trim();
        Integer bytes = arguments.getBytes() != null && arguments.getBytes() > 0 ? arguments.getBytes() : null;
        if (arguments.getVariablesReference() != null && arguments.getVariablesReference() > 0) {
            Object container = session.references().get(arguments.getVariablesReference());
            Optional<List<TypedValues.Value>> children = TypedContainers.values(session, container);
            if (children.isEmpty()) {
                return refused(container == null ? "no variables container " + arguments.getVariablesReference()
                        + " at this stop (references last until the machine runs again)"
                        : "registers and kernel values cannot be watched: only memory can");
            }
            return children.get().stream().filter(value -> value.name().equals(name)).findFirst()
                    .map(value -> ofVariable(value, bytes))
                    .orElseGet(() -> refused("the container has no variable named '" + name + "'"));
        }
        if (Boolean.TRUE.equals(arguments.getAsAddress())) {
            try {
                return watchable(Convert.parseAddress(name, 0), bytes != null ? bytes : WORD, name);
            } catch (RuntimeException e) {
                throw new SessionException(SessionException.BAD_ARGUMENT, "'" + name
                        + "' is not an address (decimal, or hex after 0x), as asAddress asks");
            }
        }
        References.FrameRef frame = arguments.getFrameId() == null ? null : session.frame(arguments.getFrameId());
        boolean bare = name.matches("[A-Za-z_][A-Za-z0-9_]*");
        if (frame != null && bare) {
            Optional<TypedValues.Value> variable = TypedContainers.frameVariable(session, frame, name);
            if (variable.isPresent()) {
                return ofVariable(variable.get(), bytes);
            }
        }
        Expression expression = Expression.parse(name);
        return session.call(debuggee -> {
            ThreadContext thread = TypedContainers.expressionContext(debuggee, frame);
            // A global's name with no frame: the variable, all its bytes, as DWARF types it.
            Optional<TypedValues.Value> global = frame == null && bare ? Globals.named(thread, name) : Optional.empty();
            return global.isPresent() ? ofVariable(global.get(), bytes)
                    : watchable(expression.evaluate(thread), bytes != null ? bytes : WORD, name);
        });
    }

    /** A variable's storage, all of it unless bytes says how much; refused when it lives in registers. */
    private static DataBreakpointInfoResponse ofVariable(TypedValues.Value value, Integer bytes) {
        if (value.address().isEmpty()) {
            return refused(TypedContainers.notStored(value) + " watched");
        }
        long length = bytes != null ? bytes : value.size();
        return watchable(value.address().getAsLong(), (int) Math.min(length, Integer.MAX_VALUE),
                value.type().isEmpty() ? value.name() : value.name() + ", " + value.type());
    }

    private static DataBreakpointInfoResponse watchable(long address, int length, String what) {
        DataBreakpointInfoResponse response = new DataBreakpointInfoResponse();
        response.setDataId(Convert.address(address) + ":" + length);
        response.setDescription(length + " bytes at " + Convert.address(address) + " (" + what + ")");
        response.setAccessTypes(new DataBreakpointAccessType[] {DataBreakpointAccessType.WRITE,
            DataBreakpointAccessType.READ, DataBreakpointAccessType.READ_WRITE});
        response.setCanPersist(false);
        return response;
    }

    /** No data id: the client shows the description as the reason nothing can be watched. */
    private static DataBreakpointInfoResponse refused(String why) {
        DataBreakpointInfoResponse response = new DataBreakpointInfoResponse();
        response.setDescription(why);
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
