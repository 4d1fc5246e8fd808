package dev.faultline.debug.core.breakpoints;

import java.util.Map;

import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IWorkspaceRoot;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.model.Breakpoint;
import org.eclipse.debug.core.model.IBreakpoint;
import org.eclipse.debug.core.model.IWatchpoint;
import org.eclipse.lsp4j.debug.DataBreakpointAccessType;

import dev.faultline.debug.core.FaultlineDebugCore;

/**
 * A watchpoint on guest memory: an expression for its address (a symbol such as `counter`, or
 * `sp - 16`), resolved by the adapter's dataBreakpointInfo each time the breakpoints are sent,
 * and the accesses that stop (writes, reads, or both). The machine stops after the access.
 */
public final class FaultlineWatchpoint extends Breakpoint implements IWatchpoint {

    /** String attribute: the address expression. */
    public static final String EXPRESSION = FaultlineDebugCore.PLUGIN_ID + ".expression";

    /** Integer attribute: how many bytes are watched; ADAPTERS_LENGTH lets the adapter choose. */
    public static final String LENGTH = FaultlineDebugCore.PLUGIN_ID + ".length";

    /** The LENGTH that asks for no size: dataBreakpointInfo gets no bytes, and the adapter chooses. */
    public static final int ADAPTERS_LENGTH = 0;

    private static final String ACCESS = FaultlineDebugCore.PLUGIN_ID + ".access";
    private static final String MODIFICATION = FaultlineDebugCore.PLUGIN_ID + ".modification";

    /** One 64-bit word, the adapter's default too. */
    public static final int WORD = 8;

    /** Made by the breakpoint manager from a stored marker. */
    public FaultlineWatchpoint() {
    }

    /** A new, enabled watchpoint that stops on writes to the WORD bytes at expression. */
    public FaultlineWatchpoint(String expression) throws CoreException {
        this(expression, DataBreakpointAccessType.WRITE, WORD);
    }

    /**
     * A new, enabled watchpoint that stops on the accesses of access to the length bytes at
     * expression (1, 2, 4 or 8; ADAPTERS_LENGTH for the adapter's choice).
     */
    public FaultlineWatchpoint(String expression, DataBreakpointAccessType access, int length) throws CoreException {
        if (expression == null || expression.isBlank()) {
            throw new CoreException(org.eclipse.core.runtime.Status.error("a watchpoint needs an address expression, such as a symbol's name"));
        }
        if (length != ADAPTERS_LENGTH && length != 1 && length != 2 && length != 4 && length != 8) {
            throw new CoreException(org.eclipse.core.runtime.Status.error(
                    "a watchpoint watches 1, 2, 4 or 8 bytes (or as many as the adapter chooses), not " + length));
        }
        java.util.Objects.requireNonNull(access, "a watchpoint's access: write, read or read or write");
        boolean reads = access != DataBreakpointAccessType.WRITE;
        boolean writes = access != DataBreakpointAccessType.READ;
        IWorkspaceRoot root = ResourcesPlugin.getWorkspace().getRoot();
        String trimmed = expression.trim();
        run(getMarkerRule(root), monitor -> {
            IMarker marker = root.createMarker(FaultlineDebugCore.WATCHPOINT_MARKER);
            setMarker(marker);
            marker.setAttributes(Map.of(IBreakpoint.ID, FaultlineDebugCore.MODEL_ID, ENABLED, true, EXPRESSION, trimmed,
                    LENGTH, length, ACCESS, reads, MODIFICATION, writes, PERSISTED, true));
        });
        DebugPlugin.getDefault().getBreakpointManager().addBreakpoint(this);
    }

    @Override
    public void setMarker(IMarker marker) throws CoreException {
        super.setMarker(marker);
        BreakpointStatus.clear(marker);
    }

    @Override
    public String getModelIdentifier() {
        return FaultlineDebugCore.MODEL_ID;
    }

    public String expression() {
        return getMarker().getAttribute(EXPRESSION, "");
    }

    public int length() {
        return getMarker().getAttribute(LENGTH, WORD);
    }

    @Override
    public boolean isAccess() {
        return getMarker().getAttribute(ACCESS, false);
    }

    @Override
    public void setAccess(boolean access) throws CoreException {
        setAttribute(ACCESS, access);
    }

    @Override
    public boolean isModification() {
        return getMarker().getAttribute(MODIFICATION, true);
    }

    @Override
    public void setModification(boolean modification) throws CoreException {
        setAttribute(MODIFICATION, modification);
    }

    @Override
    public boolean supportsAccess() {
        return true;
    }

    @Override
    public boolean supportsModification() {
        return true;
    }

    /** What the adapter watches for: reads (access), writes (modification), or both; writes when neither is ticked. */
    public DataBreakpointAccessType accessType() {
        if (isAccess() && isModification()) {
            return DataBreakpointAccessType.READ_WRITE;
        }
        return isAccess() ? DataBreakpointAccessType.READ : DataBreakpointAccessType.WRITE;
    }

    /** The bytes dataBreakpointInfo asks for: null to let the adapter choose. */
    public Integer bytes() {
        return length() == ADAPTERS_LENGTH ? null : length();
    }

    /** "Watchpoint: counter (write, 8 bytes)", "Watchpoint: flag (read, the adapter's size)". */
    public String label() {
        String kind = switch (accessType()) {
            case READ -> "read";
            case WRITE -> "write";
            case READ_WRITE -> "read or write";
        };
        String size = length() == ADAPTERS_LENGTH ? "the adapter's size" : length() == 1 ? "1 byte" : length() + " bytes";
        return "Watchpoint: " + expression() + " (" + kind + ", " + size + ")";
    }
}
