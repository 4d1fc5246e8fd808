package dev.faultline.debug.core.breakpoints;

import java.util.Map;

import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IWorkspaceRoot;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.model.Breakpoint;
import org.eclipse.debug.core.model.IBreakpoint;

import dev.faultline.debug.core.FaultlineDebugCore;

/**
 * A breakpoint on an instruction's address (set from the Disassembly view), which the adapter
 * places with setInstructionBreakpoints: it stops whichever thread executes the address.
 */
public final class FaultlineAddressBreakpoint extends Breakpoint {

    /** String attribute: the address as the adapter writes it ("0x0000000000010234"). */
    public static final String ADDRESS = FaultlineDebugCore.PLUGIN_ID + ".address";

    /** Made by the breakpoint manager from a stored marker. */
    public FaultlineAddressBreakpoint() {
    }

    /** A new, enabled breakpoint at address, registered with the breakpoint manager. */
    public FaultlineAddressBreakpoint(long address) throws CoreException {
        IWorkspaceRoot root = ResourcesPlugin.getWorkspace().getRoot();
        String text = String.format("0x%016x", address);
        run(getMarkerRule(root), monitor -> {
            IMarker marker = root.createMarker(FaultlineDebugCore.ADDRESS_BREAKPOINT_MARKER);
            setMarker(marker);
            marker.setAttributes(Map.of(IBreakpoint.ID, FaultlineDebugCore.MODEL_ID, ENABLED, true, ADDRESS, text,
                    IMarker.MESSAGE, "Address breakpoint: " + text, PERSISTED, true));
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

    public String address() {
        return getMarker().getAttribute(ADDRESS, "");
    }

    /** "Address breakpoint: 0x…". */
    public String label() {
        return getMarker().getAttribute(IMarker.MESSAGE, address());
    }

    /** The address breakpoint at address, or null. */
    public static FaultlineAddressBreakpoint at(long address) {
        String text = String.format("0x%016x", address);
        for (IBreakpoint breakpoint : DebugPlugin.getDefault().getBreakpointManager().getBreakpoints(FaultlineDebugCore.MODEL_ID)) {
            if (breakpoint instanceof FaultlineAddressBreakpoint placed && placed.address().equals(text)) {
                return placed;
            }
        }
        return null;
    }
}
