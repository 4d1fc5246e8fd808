package dev.faultline.debug.core.breakpoints;

import java.util.Map;

import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IWorkspaceRoot;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.model.IBreakpoint;
import org.eclipse.debug.core.model.LineBreakpoint;

import dev.faultline.debug.core.FaultlineDebugCore;

/**
 * A breakpoint on a line of a C, header or assembly file, placed by the adapter through the
 * DWARF line table. The file is a workspace file, or (for a file outside the workspace) a path
 * kept on a marker of the workspace root. A condition and a hit count go to the adapter, which
 * evaluates them inside the machine.
 */
public final class FaultlineLineBreakpoint extends LineBreakpoint {

    /** String attribute: the file's absolute path, the one the adapter matches against DWARF. */
    public static final String PATH = FaultlineDebugCore.PLUGIN_ID + ".path";

    /** String attribute: a C expression over registers and symbols; the breakpoint stops only when it is non-zero. */
    public static final String CONDITION = FaultlineDebugCore.PLUGIN_ID + ".condition";

    /** Integer attribute: stop at the Nth hit only (0: every hit). */
    public static final String HIT_COUNT = FaultlineDebugCore.PLUGIN_ID + ".hitCount";

    /** Made by the breakpoint manager from a stored marker. */
    public FaultlineLineBreakpoint() {
    }

    /** A new, enabled breakpoint at line (1-based) of the file at path, registered with the breakpoint manager. */
    public FaultlineLineBreakpoint(IResource resource, String path, int line) throws CoreException {
        run(getMarkerRule(resource), monitor -> {
            IMarker marker = resource.createMarker(FaultlineDebugCore.LINE_BREAKPOINT_MARKER);
            setMarker(marker);
            String name = path.substring(path.lastIndexOf('/') + 1);
            marker.setAttributes(Map.of(IBreakpoint.ID, FaultlineDebugCore.MODEL_ID, IMarker.LINE_NUMBER, line,
                    ENABLED, true, PATH, path, IMarker.MESSAGE, "Line breakpoint: " + name + " [line: " + line + "]",
                    PERSISTED, true));
        });
        org.eclipse.debug.core.DebugPlugin.getDefault().getBreakpointManager().addBreakpoint(this);
    }

    @Override
    public void setMarker(IMarker marker) throws CoreException {
        super.setMarker(marker);
        BreakpointStatus.clear(marker);
    }

    /**
     * Moves the breakpoint to line (1-based), where the adapter placed it: the line number, the
     * line's characters (which an editor's ruler prefers to the number) and the message.
     */
    void moveTo(int line) throws CoreException {
        String name = path().substring(path().lastIndexOf('/') + 1);
        int[] range = SourceLines.range(getMarker().getResource(), path(), line);
        setAttribute(IMarker.LINE_NUMBER, line);
        // One by one: a null value removes an attribute with setAttribute (an unreadable file keeps no stale range).
        setAttribute(IMarker.CHAR_START, range == null ? null : range[0]);
        setAttribute(IMarker.CHAR_END, range == null ? null : range[1]);
        setAttribute(IMarker.MESSAGE, "Line breakpoint: " + name + " [line: " + line + "]");
    }

    @Override
    public String getModelIdentifier() {
        return FaultlineDebugCore.MODEL_ID;
    }

    /** The absolute path the adapter gets in setBreakpoints. */
    public String path() {
        return getMarker().getAttribute(PATH, "");
    }

    /** True when resource is the workspace root: the file is outside the workspace. */
    public boolean isExternal() {
        return getMarker().getResource() instanceof IWorkspaceRoot;
    }

    public String condition() {
        return getMarker().getAttribute(CONDITION, "");
    }

    public void setCondition(String condition) throws CoreException {
        setAttribute(CONDITION, condition == null ? "" : condition.trim());
    }

    public int hitCount() {
        return getMarker().getAttribute(HIT_COUNT, 0);
    }

    public void setHitCount(int count) throws CoreException {
        if (count < 0) {
            throw new CoreException(org.eclipse.core.runtime.Status.error("a hit count is 1 or more (0 for none), not " + count));
        }
        setAttribute(HIT_COUNT, count);
    }
}
