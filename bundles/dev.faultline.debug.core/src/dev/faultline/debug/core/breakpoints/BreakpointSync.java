package dev.faultline.debug.core.breakpoints;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.eclipse.core.resources.IMarkerDelta;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.DebugException;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.IBreakpointManager;
import org.eclipse.debug.core.IBreakpointManagerListener;
import org.eclipse.debug.core.model.IBreakpoint;
import org.eclipse.lsp4j.debug.Breakpoint;
import org.eclipse.lsp4j.debug.DataBreakpoint;
import org.eclipse.lsp4j.debug.InstructionBreakpoint;
import org.eclipse.lsp4j.debug.SetBreakpointsArguments;
import org.eclipse.lsp4j.debug.SetDataBreakpointsArguments;
import org.eclipse.lsp4j.debug.SetExceptionBreakpointsArguments;
import org.eclipse.lsp4j.debug.SetInstructionBreakpointsArguments;
import org.eclipse.lsp4j.debug.Source;
import org.eclipse.lsp4j.debug.SourceBreakpoint;

import dev.faultline.debug.core.FaultlineDebugCore;
import dev.faultline.debug.core.model.FaultlineDebugTarget;

/**
 * Keeps the adapter's breakpoints equal to the workspace's: DAP sets a file's line breakpoints
 * all at once, so any change to one sends that file's whole list again; fault breakpoints and
 * the launch configuration's fault kinds together make the exception filters; address
 * breakpoints and watchpoints go all together too. What the adapter answers (placed or not and
 * why, and the line a line breakpoint moved to) goes onto the breakpoints' markers, where the
 * editor and the Breakpoints view show it, until the session ends.
 */
public final class BreakpointSync implements IBreakpointManagerListener {

    private final FaultlineDebugTarget target;
    private final List<String> launchFilters;
    private final AdapterAnswers answers = new AdapterAnswers();
    private volatile boolean installed;

    public BreakpointSync(FaultlineDebugTarget target, List<String> launchFilters) {
        this.target = target;
        this.launchFilters = List.copyOf(launchFilters);
    }

    private static IBreakpointManager manager() {
        return DebugPlugin.getDefault().getBreakpointManager();
    }

    /** Sends every breakpoint and the filters, then follows the workspace's changes. */
    public void installAll() throws DebugException {
        Set<String> paths = new LinkedHashSet<>();
        for (IBreakpoint breakpoint : manager().getBreakpoints(FaultlineDebugCore.MODEL_ID)) {
            if (breakpoint instanceof FaultlineLineBreakpoint line) {
                paths.add(line.path());
            }
        }
        for (String path : paths) {
            sendLines(path);
        }
        sendAddresses();
        sendWatchpoints();
        sendFilters();
        installed = true;
        manager().addBreakpointListener(target);
        manager().addBreakpointManagerListener(this);
    }

    /** The session is over: its breakpoints are neither verified nor unverified any more. */
    public void dispose() {
        manager().removeBreakpointListener(target);
        manager().removeBreakpointManagerListener(this);
        for (IBreakpoint breakpoint : manager().getBreakpoints(FaultlineDebugCore.MODEL_ID)) {
            BreakpointStatus.clear(breakpoint.getMarker());
        }
        answers.forgetAll();
    }

    /** A breakpoint was added: its file's list (or the filters) goes again. */
    public void added(IBreakpoint breakpoint) {
        resend(breakpoint);
    }

    /**
     * A breakpoint's marker changed: its list goes again (and true is answered), unless only what
     * this session wrote changed (its status, or the line the adapter moved it to), which would
     * send it forever.
     */
    public boolean changed(IBreakpoint breakpoint, IMarkerDelta delta) {
        if (answers.isOwnChange(breakpoint, delta)) {
            return false;
        }
        resend(breakpoint);
        return true;
    }

    public void removed(IBreakpoint breakpoint) {
        answers.forget(breakpoint);
        resend(breakpoint);
    }

    private void resend(IBreakpoint breakpoint) {
        if (!installed || target.isTerminated()) {
            return;
        }
        try {
            if (breakpoint instanceof FaultlineLineBreakpoint line) {
                sendLines(line.path());
            } else if (breakpoint instanceof FaultlineFaultBreakpoint) {
                sendFilters();
            } else if (breakpoint instanceof FaultlineAddressBreakpoint) {
                sendAddresses();
            } else if (breakpoint instanceof FaultlineWatchpoint) {
                sendWatchpoints();
            }
        } catch (DebugException e) {
            FaultlineDebugCore.log("the adapter refused a breakpoint change", e);
        }
    }

    @Override
    public void breakpointManagerEnablementChanged(boolean enabled) {
        try {
            installAll();
        } catch (DebugException e) {
            FaultlineDebugCore.log("the adapter refused the breakpoints", e);
        }
    }

    /** The Eclipse breakpoint the adapter knows by id (from a stopped event's hitBreakpointIds). */
    public IBreakpoint byAdapterId(int id) {
        return answers.byId(id);
    }

    /** A breakpoint event from the adapter (a pending breakpoint placed when the machine came): shown as an answer is. */
    public void changedByAdapter(Breakpoint breakpoint) {
        answers.changed(breakpoint);
    }

    private void sendLines(String path) throws DebugException {
        List<FaultlineLineBreakpoint> lines = new ArrayList<>();
        for (IBreakpoint breakpoint : manager().getBreakpoints(FaultlineDebugCore.MODEL_ID)) {
            if (breakpoint instanceof FaultlineLineBreakpoint line && line.path().equals(path)) {
                keepIfActive(line, lines);
            }
        }
        SourceBreakpoint[] asked = new SourceBreakpoint[lines.size()];
        for (int i = 0; i < asked.length; i++) {
            FaultlineLineBreakpoint line = lines.get(i);
            asked[i] = new SourceBreakpoint();
            asked[i].setLine(line.getMarker().getAttribute(org.eclipse.core.resources.IMarker.LINE_NUMBER, 1));
            if (!line.condition().isEmpty()) {
                asked[i].setCondition(line.condition());
            }
            if (line.hitCount() > 0) {
                asked[i].setHitCondition(Integer.toString(line.hitCount()));
            }
        }
        Source source = new Source();
        source.setPath(path);
        source.setName(path.substring(path.lastIndexOf('/') + 1));
        SetBreakpointsArguments arguments = new SetBreakpointsArguments();
        arguments.setSource(source);
        arguments.setBreakpoints(asked);
        Breakpoint[] placed = target.client().call("setBreakpoints " + source.getName(),
                adapter -> adapter.setBreakpoints(arguments)).getBreakpoints();
        answers.answered(placed, lines);
    }

    /** All enabled address breakpoints at once, as setInstructionBreakpoints replaces the whole set. */
    private void sendAddresses() throws DebugException {
        List<FaultlineAddressBreakpoint> addresses = new ArrayList<>();
        for (IBreakpoint breakpoint : manager().getBreakpoints(FaultlineDebugCore.MODEL_ID)) {
            if (breakpoint instanceof FaultlineAddressBreakpoint address) {
                keepIfActive(address, addresses);
            }
        }
        InstructionBreakpoint[] asked = new InstructionBreakpoint[addresses.size()];
        for (int i = 0; i < asked.length; i++) {
            asked[i] = new InstructionBreakpoint();
            asked[i].setInstructionReference(addresses.get(i).address());
        }
        SetInstructionBreakpointsArguments arguments = new SetInstructionBreakpointsArguments();
        arguments.setBreakpoints(asked);
        Breakpoint[] placed = target.client().call("setInstructionBreakpoints",
                adapter -> adapter.setInstructionBreakpoints(arguments)).getBreakpoints();
        answers.answered(placed, addresses);
    }

    /** All enabled watchpoints at once, as setDataBreakpoints replaces the whole set. */
    private void sendWatchpoints() throws DebugException {
        List<FaultlineWatchpoint> enabled = new ArrayList<>();
        for (IBreakpoint breakpoint : manager().getBreakpoints(FaultlineDebugCore.MODEL_ID)) {
            if (breakpoint instanceof FaultlineWatchpoint watchpoint) {
                keepIfActive(watchpoint, enabled);
            }
        }
        List<FaultlineWatchpoint> watched = new ArrayList<>();
        List<DataBreakpoint> asked = new ArrayList<>();
        for (FaultlineWatchpoint watchpoint : enabled) {
            DataBreakpoint data = WatchpointResolver.resolve(target.client(), watchpoint);
            if (data != null) {
                watched.add(watchpoint);
                asked.add(data);
            }
        }
        SetDataBreakpointsArguments arguments = new SetDataBreakpointsArguments();
        arguments.setBreakpoints(asked.toArray(DataBreakpoint[]::new));
        Breakpoint[] placed = target.client().call("setDataBreakpoints", adapter -> adapter.setDataBreakpoints(arguments))
                .getBreakpoints();
        answers.answered(placed, watched);
    }

    /** Adds breakpoint to what is sent if it is enabled (and breakpoints are not skipped); else no session has it. */
    private static <T extends IBreakpoint> void keepIfActive(T breakpoint, List<T> sent) {
        if (active(breakpoint)) {
            sent.add(breakpoint);
        } else {
            BreakpointStatus.clear(breakpoint.getMarker());
        }
    }

    private void sendFilters() throws DebugException {
        Set<String> filters = new LinkedHashSet<>(launchFilters);
        for (IBreakpoint breakpoint : manager().getBreakpoints(FaultlineDebugCore.MODEL_ID)) {
            if (breakpoint instanceof FaultlineFaultBreakpoint fault && active(fault)) {
                filters.add(fault.filter());
            }
        }
        SetExceptionBreakpointsArguments arguments = new SetExceptionBreakpointsArguments();
        arguments.setFilters(filters.toArray(String[]::new));
        target.client().call("setExceptionBreakpoints", adapter -> adapter.setExceptionBreakpoints(arguments));
    }

    private static boolean active(IBreakpoint breakpoint) {
        try {
            return breakpoint.isEnabled() && manager().isEnabled();
        } catch (CoreException e) {
            return false;
        }
    }
}
