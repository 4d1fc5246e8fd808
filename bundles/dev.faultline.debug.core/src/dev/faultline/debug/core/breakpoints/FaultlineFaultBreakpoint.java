package dev.faultline.debug.core.breakpoints;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IWorkspaceRoot;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.model.Breakpoint;
import org.eclipse.debug.core.model.IBreakpoint;

import dev.faultline.dap.session.ExceptionFilter;
import dev.faultline.debug.core.FaultlineDebugCore;

/**
 * A fault breakpoint: one of the adapter's exception filters (a seL4 fault kind, or a step of a
 * fault's path through the kernel) shown in the Breakpoints view, where ticking it makes every
 * Faultline session stop there.
 */
public final class FaultlineFaultBreakpoint extends Breakpoint {

    /** String attribute: the adapter's exception filter id ("VMFault", "noHandler", ...). */
    public static final String FILTER = FaultlineDebugCore.PLUGIN_ID + ".filter";

    /** Made by the breakpoint manager from a stored marker. */
    public FaultlineFaultBreakpoint() {
    }

    private FaultlineFaultBreakpoint(ExceptionFilter filter) throws CoreException {
        IWorkspaceRoot root = ResourcesPlugin.getWorkspace().getRoot();
        run(getMarkerRule(root), monitor -> {
            IMarker marker = root.createMarker(FaultlineDebugCore.FAULT_BREAKPOINT_MARKER);
            setMarker(marker);
            marker.setAttributes(Map.of(IBreakpoint.ID, FaultlineDebugCore.MODEL_ID, ENABLED, false, FILTER, filter.id(),
                    IMarker.MESSAGE, "Fault: " + filter.label() + " (" + filter.id() + ")", PERSISTED, true));
        });
    }

    /** Makes the fault breakpoints that are missing, one per filter, disabled: the user ticks the ones wanted. */
    public static synchronized void ensureAll() throws CoreException {
        Set<String> present = new HashSet<>();
        for (IBreakpoint breakpoint : DebugPlugin.getDefault().getBreakpointManager().getBreakpoints(FaultlineDebugCore.MODEL_ID)) {
            if (breakpoint instanceof FaultlineFaultBreakpoint fault) {
                present.add(fault.filter());
            }
        }
        for (ExceptionFilter filter : ExceptionFilter.values()) {
            if (!present.contains(filter.id())) {
                DebugPlugin.getDefault().getBreakpointManager().addBreakpoint(new FaultlineFaultBreakpoint(filter));
            }
        }
    }

    /** The fault breakpoint of filter, or null. */
    public static FaultlineFaultBreakpoint of(String filter) {
        for (IBreakpoint breakpoint : DebugPlugin.getDefault().getBreakpointManager().getBreakpoints(FaultlineDebugCore.MODEL_ID)) {
            if (breakpoint instanceof FaultlineFaultBreakpoint fault && fault.filter().equals(filter)) {
                return fault;
            }
        }
        return null;
    }

    @Override
    public String getModelIdentifier() {
        return FaultlineDebugCore.MODEL_ID;
    }

    public String filter() {
        return getMarker().getAttribute(FILTER, "");
    }

    /** "Fault: VM fault (VMFault)". */
    public String label() {
        return getMarker().getAttribute(IMarker.MESSAGE, filter());
    }
}
