package dev.faultline.debug.ui.breakpoints;

import java.io.File;
import java.net.URI;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.model.IBreakpoint;
import org.eclipse.debug.ui.actions.IToggleBreakpointsTarget;
import org.eclipse.jface.text.ITextSelection;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IURIEditorInput;
import org.eclipse.ui.IWorkbenchPart;
import org.eclipse.ui.texteditor.ITextEditor;

import dev.faultline.debug.core.FaultlineDebugCore;
import dev.faultline.debug.core.breakpoints.FaultlineLineBreakpoint;

/**
 * Toggles a Faultline line breakpoint on the editor's current line of a C, header or assembly
 * file: on the workspace file when the workspace holds it, else on the workspace root with the
 * file's path.
 */
public final class LineBreakpointToggler implements IToggleBreakpointsTarget {

    /** The file extensions of guest sources. */
    static boolean isGuestSource(String name) {
        return name.endsWith(".c") || name.endsWith(".h") || name.endsWith(".S") || name.endsWith(".s");
    }

    /** The editor's file as an absolute path, or null when it is not a guest source on this machine. */
    static String pathOf(IWorkbenchPart part) {
        if (!(part instanceof ITextEditor editor)) {
            return null;
        }
        IEditorInput input = editor.getEditorInput();
        IFile file = input.getAdapter(IFile.class);
        String path = null;
        if (file != null && file.getLocation() != null) {
            path = file.getLocation().toOSString();
        } else if (input instanceof IURIEditorInput uriInput && "file".equals(uriInput.getURI().getScheme())) {
            path = new File(uriInput.getURI()).getAbsolutePath();
        }
        return path != null && isGuestSource(path) ? path : null;
    }

    @Override
    public boolean canToggleLineBreakpoints(IWorkbenchPart part, ISelection selection) {
        return pathOf(part) != null && selection instanceof ITextSelection;
    }

    @Override
    public void toggleLineBreakpoints(IWorkbenchPart part, ISelection selection) throws CoreException {
        String path = pathOf(part);
        if (path == null || !(selection instanceof ITextSelection text)) {
            return;
        }
        int line = text.getStartLine() + 1;
        for (IBreakpoint breakpoint : DebugPlugin.getDefault().getBreakpointManager().getBreakpoints(FaultlineDebugCore.MODEL_ID)) {
            if (breakpoint instanceof FaultlineLineBreakpoint existing && existing.path().equals(path)
                    && existing.getLineNumber() == line) {
                existing.delete();
                return;
            }
        }
        new FaultlineLineBreakpoint(resourceFor(path), path, line);
    }

    private static IResource resourceFor(String path) {
        URI uri = new File(path).toURI();
        for (IFile file : ResourcesPlugin.getWorkspace().getRoot().findFilesForLocationURI(uri)) {
            if (file.exists()) {
                return file;
            }
        }
        return ResourcesPlugin.getWorkspace().getRoot();
    }

    @Override
    public boolean canToggleMethodBreakpoints(IWorkbenchPart part, ISelection selection) {
        return false;
    }

    @Override
    public void toggleMethodBreakpoints(IWorkbenchPart part, ISelection selection) {
        // Function breakpoints are not offered in the editor.
    }

    @Override
    public boolean canToggleWatchpoints(IWorkbenchPart part, ISelection selection) {
        return false;
    }

    @Override
    public void toggleWatchpoints(IWorkbenchPart part, ISelection selection) {
        // Watchpoints are not offered in the editor.
    }
}
