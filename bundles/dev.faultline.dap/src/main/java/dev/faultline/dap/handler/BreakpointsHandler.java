package dev.faultline.dap.handler;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.eclipse.lsp4j.debug.BreakpointLocation;
import org.eclipse.lsp4j.debug.BreakpointLocationsArguments;
import org.eclipse.lsp4j.debug.FunctionBreakpoint;
import org.eclipse.lsp4j.debug.InstructionBreakpoint;
import org.eclipse.lsp4j.debug.SetBreakpointsArguments;
import org.eclipse.lsp4j.debug.SetExceptionBreakpointsArguments;
import org.eclipse.lsp4j.debug.SourceBreakpoint;

import dev.faultline.dap.server.Convert;
import dev.faultline.dap.server.DapSession;
import dev.faultline.dap.session.Breakpoint;
import dev.faultline.dap.session.BreakpointSpec;
import dev.faultline.dap.session.BreakpointTable;
import dev.faultline.dap.session.Debuggee;
import dev.faultline.dap.session.ExceptionFilter;
import dev.faultline.dap.session.SessionException;

/**
 * setBreakpoints (source lines through the DWARF line table), setFunctionBreakpoints (ELF
 * symbols), setInstructionBreakpoints (addresses) and setExceptionBreakpoints (the fault filters).
 * Conditions, hit conditions and log messages are parsed here and evaluated inside the machine.
 */
public final class BreakpointsHandler {

    private final DapSession session;

    public BreakpointsHandler(DapSession session) {
        this.session = session;
    }

    public org.eclipse.lsp4j.debug.Breakpoint[] setBreakpoints(SetBreakpointsArguments arguments) {
        String path = arguments.getSource() == null ? null : arguments.getSource().getPath();
        if (path == null) {
            throw new SessionException(SessionException.BAD_ARGUMENT, "setBreakpoints needs source.path");
        }
        SourceBreakpoint[] asked = arguments.getBreakpoints() == null ? new SourceBreakpoint[0] : arguments.getBreakpoints();
        List<Placed> placed = new ArrayList<>();
        for (SourceBreakpoint breakpoint : asked) {
            int line = breakpoint.getLine();
            placed.add(new Placed(session.nextBreakpointId(),
                    new BreakpointSpec(breakpoint.getCondition(), breakpoint.getHitCondition(), breakpoint.getLogMessage()),
                    table -> table.placeLine(path, line)));
        }
        return set("source:" + path, placed);
    }

    /**
     * breakpointLocations: the lines of a range where a breakpoint stays where it is put (they have
     * code in a program of the machine); none before a machine is launched.
     */
    public BreakpointLocation[] locations(BreakpointLocationsArguments arguments) {
        String path = arguments.getSource() == null ? null : arguments.getSource().getPath();
        if (path == null) {
            throw new SessionException(SessionException.BAD_ARGUMENT, "breakpointLocations needs source.path");
        }
        int first = arguments.getLine();
        int last = arguments.getEndLine() == null ? first : Math.max(first, arguments.getEndLine());
        if (!session.host().machine().hasMachine()) {
            return new BreakpointLocation[0];
        }
        return session.call(debuggee -> debuggee.breakpoints().linesWithCode(path, first, last)).stream().map(line -> {
            BreakpointLocation location = new BreakpointLocation();
            location.setLine(line);
            return location;
        }).toArray(BreakpointLocation[]::new);
    }

    public org.eclipse.lsp4j.debug.Breakpoint[] setFunctionBreakpoints(FunctionBreakpoint[] asked) {
        List<Placed> placed = new ArrayList<>();
        for (FunctionBreakpoint breakpoint : asked == null ? new FunctionBreakpoint[0] : asked) {
            String name = breakpoint.getName();
            placed.add(new Placed(session.nextBreakpointId(),
                    new BreakpointSpec(breakpoint.getCondition(), breakpoint.getHitCondition(), null),
                    table -> table.placeFunction(name)));
        }
        return set(BreakpointTable.FUNCTIONS, placed);
    }

    public org.eclipse.lsp4j.debug.Breakpoint[] setInstructionBreakpoints(InstructionBreakpoint[] asked) {
        List<Placed> placed = new ArrayList<>();
        for (InstructionBreakpoint breakpoint : asked == null ? new InstructionBreakpoint[0] : asked) {
            long address = Convert.parseAddress(breakpoint.getInstructionReference(), breakpoint.getOffset());
            placed.add(new Placed(session.nextBreakpointId(),
                    new BreakpointSpec(breakpoint.getCondition(), breakpoint.getHitCondition(), null),
                    table -> table.placeInstruction(address)));
        }
        return set(BreakpointTable.INSTRUCTIONS, placed);
    }

    public org.eclipse.lsp4j.debug.Breakpoint[] setExceptionBreakpoints(SetExceptionBreakpointsArguments arguments) {
        Set<ExceptionFilter> filters = EnumSet.noneOf(ExceptionFilter.class);
        for (String id : arguments.getFilters() == null ? new String[0] : arguments.getFilters()) {
            filters.add(ExceptionFilter.byId(id).orElseThrow(() -> new SessionException(SessionException.BAD_ARGUMENT,
                    "no exception filter '" + id + "' (the filters are those initialize lists)")));
        }
        if (arguments.getFilterOptions() != null && arguments.getFilterOptions().length > 0) {
            throw new SessionException(SessionException.UNSUPPORTED, "exception filters take no options or conditions");
        }
        session.setExceptionFilters(filters);
        org.eclipse.lsp4j.debug.Breakpoint[] verified = new org.eclipse.lsp4j.debug.Breakpoint[filters.size()];
        for (int i = 0; i < verified.length; i++) {
            verified[i] = new org.eclipse.lsp4j.debug.Breakpoint();
            verified[i].setVerified(true);
        }
        return verified;
    }

    /** A breakpoint asked for: its id, its spec and how to place it once a machine is there. */
    private record Placed(int id, BreakpointSpec spec, Function<BreakpointTable, BreakpointTable.Placement> place) {
    }

    private org.eclipse.lsp4j.debug.Breakpoint[] set(String group, List<Placed> placed) {
        Function<Debuggee, List<Breakpoint>> apply = debuggee -> debuggee.breakpoints().replace(group,
                placed.stream().map(p -> new BreakpointTable.Request(p.id(), p.place().apply(debuggee.breakpoints()), p.spec()))
                        .toList());
        Optional<List<Breakpoint>> set = session.setBreakpoints(group, apply);
        if (set.isEmpty()) {
            return placed.stream().map(p -> Convert.pending(p.id())).toArray(org.eclipse.lsp4j.debug.Breakpoint[]::new);
        }
        return set.get().stream().map(Convert::breakpoint).toArray(org.eclipse.lsp4j.debug.Breakpoint[]::new);
    }
}
