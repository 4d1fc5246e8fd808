package dev.faultline.debug.ui.presentation;

import org.eclipse.core.filesystem.EFS;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.model.IBreakpoint;
import org.eclipse.debug.core.model.IWatchpoint;
import org.eclipse.debug.core.model.IValue;
import org.eclipse.debug.core.sourcelookup.containers.LocalFileStorage;
import org.eclipse.debug.ui.DebugUITools;
import org.eclipse.debug.ui.IDebugModelPresentation;
import org.eclipse.debug.ui.IDebugUIConstants;
import org.eclipse.debug.ui.IValueDetailListener;
import org.eclipse.jface.resource.ImageDescriptor;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.jface.resource.LocalResourceManager;
import org.eclipse.jface.resource.ResourceManager;
import org.eclipse.jface.viewers.DecorationOverlayIcon;
import org.eclipse.jface.viewers.IDecoration;
import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.swt.graphics.Image;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.ISharedImages;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.ide.FileStoreEditorInput;
import org.eclipse.ui.part.FileEditorInput;

import dev.faultline.debug.core.breakpoints.BreakpointStatus;
import dev.faultline.debug.core.breakpoints.FaultlineAddressBreakpoint;
import dev.faultline.debug.core.breakpoints.FaultlineFaultBreakpoint;
import dev.faultline.debug.core.breakpoints.FaultlineLineBreakpoint;
import dev.faultline.debug.core.breakpoints.FaultlineWatchpoint;
import dev.faultline.debug.ui.FaultlineDebugUi;

/**
 * How Faultline's debug elements look and where their sources open: labels for breakpoints (the
 * other elements name themselves), a warning overlay and the adapter's reason on a breakpoint a
 * running session could not place, and guest sources in the Generic Editor, workspace files as
 * workspace files and others from the file system.
 */
public final class FaultlineModelPresentation extends LabelProvider implements IDebugModelPresentation {

    @Override
    public void setAttribute(String attribute, Object value) {
        // No presentation options: values are shown as the adapter formats them.
    }

    private final ResourceManager images = new LocalResourceManager(JFaceResources.getResources());

    @Override
    public Image getImage(Object element) {
        if (element instanceof IBreakpoint breakpoint && BreakpointStatus.isUnverified(breakpoint)) {
            return images.create(unverifiedImage(breakpoint));
        }
        return null;
    }

    /** The platform's image for the breakpoint (enabled or not), with a warning overlay at its bottom left. */
    private static ImageDescriptor unverifiedImage(IBreakpoint breakpoint) {
        boolean enabled;
        try {
            enabled = breakpoint.isEnabled();
        } catch (CoreException e) {
            enabled = false; // its marker went since isUnverified looked: it is drawn as disabled until the view drops it
        }
        String base = breakpoint instanceof IWatchpoint
                ? (enabled ? IDebugUIConstants.IMG_OBJS_WATCHPOINT : IDebugUIConstants.IMG_OBJS_WATCHPOINT_DISABLED)
                : (enabled ? IDebugUIConstants.IMG_OBJS_BREAKPOINT : IDebugUIConstants.IMG_OBJS_BREAKPOINT_DISABLED);
        ImageDescriptor warning = PlatformUI.getWorkbench().getSharedImages().getImageDescriptor(ISharedImages.IMG_DEC_FIELD_WARNING);
        return new DecorationOverlayIcon(DebugUITools.getImageDescriptor(base), warning, IDecoration.BOTTOM_LEFT);
    }

    @Override
    public void dispose() {
        images.dispose();
        super.dispose();
    }

    @Override
    public String getText(Object element) {
        String label = label(element);
        if (label != null && element instanceof IBreakpoint breakpoint && BreakpointStatus.isUnverified(breakpoint)) {
            String reason = BreakpointStatus.reason(breakpoint);
            return label + (reason.isEmpty() ? " (not verified)" : " (not verified: " + reason + ")");
        }
        return label;
    }

    private static String label(Object element) {
        if (element instanceof FaultlineFaultBreakpoint fault) {
            return fault.label();
        }
        if (element instanceof FaultlineAddressBreakpoint address) {
            return address.label();
        }
        if (element instanceof FaultlineWatchpoint watchpoint) {
            return watchpoint.label();
        }
        if (element instanceof FaultlineLineBreakpoint line) {
            String path = line.path();
            StringBuilder text = new StringBuilder(path.substring(path.lastIndexOf('/') + 1));
            text.append(" [line: ").append(line.getMarker().getAttribute(org.eclipse.core.resources.IMarker.LINE_NUMBER, 0)).append(']');
            if (line.hitCount() > 0) {
                text.append(" [hit count: ").append(line.hitCount()).append(']');
            }
            if (!line.condition().isEmpty()) {
                text.append(" [if ").append(line.condition()).append(']');
            }
            return text.toString();
        }
        return null;
    }

    @Override
    public void computeDetail(IValue value, IValueDetailListener listener) {
        try {
            listener.detailComputed(value, value.getValueString());
        } catch (org.eclipse.debug.core.DebugException e) {
            listener.detailComputed(value, e.getMessage());
        }
    }

    @Override
    public IEditorInput getEditorInput(Object element) {
        if (element instanceof IFile file) {
            return new FileEditorInput(file);
        }
        if (element instanceof LocalFileStorage storage) {
            return new FileStoreEditorInput(EFS.getLocalFileSystem().getStore(storage.getFile().toURI()));
        }
        if (element instanceof FaultlineLineBreakpoint line) {
            if (line.getMarker().getResource() instanceof IFile file) {
                return new FileEditorInput(file);
            }
            return new FileStoreEditorInput(EFS.getLocalFileSystem().getStore(new java.io.File(line.path()).toURI()));
        }
        return null;
    }

    @Override
    public String getEditorId(IEditorInput input, Object element) {
        return FaultlineDebugUi.GENERIC_EDITOR_ID;
    }
}
