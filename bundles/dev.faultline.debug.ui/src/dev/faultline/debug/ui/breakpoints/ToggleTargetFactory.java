package dev.faultline.debug.ui.breakpoints;

import java.util.Set;

import org.eclipse.debug.ui.actions.IToggleBreakpointsTarget;
import org.eclipse.debug.ui.actions.IToggleBreakpointsTargetFactory;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.ui.IWorkbenchPart;

/** Offers Faultline line breakpoints in any text editor showing a guest source (the Generic Editor, since there is no CDT). */
public final class ToggleTargetFactory implements IToggleBreakpointsTargetFactory {

    public static final String TARGET_ID = "dev.faultline.debug.ui.toggleLineBreakpoint";

    @Override
    public Set<String> getToggleTargets(IWorkbenchPart part, ISelection selection) {
        return LineBreakpointToggler.pathOf(part) != null ? Set.of(TARGET_ID) : Set.of();
    }

    @Override
    public String getDefaultToggleTarget(IWorkbenchPart part, ISelection selection) {
        return LineBreakpointToggler.pathOf(part) != null ? TARGET_ID : null;
    }

    @Override
    public IToggleBreakpointsTarget createToggleTarget(String targetID) {
        return TARGET_ID.equals(targetID) ? new LineBreakpointToggler() : null;
    }

    @Override
    public String getToggleTargetName(String targetID) {
        return "Faultline Line Breakpoints";
    }

    @Override
    public String getToggleTargetDescription(String targetID) {
        return "Line breakpoints in guest C, header and assembly files, placed through DWARF";
    }
}
