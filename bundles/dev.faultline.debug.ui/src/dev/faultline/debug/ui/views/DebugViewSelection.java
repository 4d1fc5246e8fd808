package dev.faultline.debug.ui.views;

import java.lang.reflect.Method;

import org.eclipse.debug.core.model.IThread;
import org.eclipse.debug.ui.IDebugUIConstants;
import org.eclipse.debug.ui.IDebugView;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.TreePath;
import org.eclipse.jface.viewers.TreeSelection;
import org.eclipse.jface.viewers.Viewer;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchPage;

import dev.faultline.debug.core.model.FaultlineDebugTarget;

/** Selects a thread in the Debug view, by its full path (launch, target, thread), which the view's tree needs. */
final class DebugViewSelection {

    private DebugViewSelection() {
    }

    static boolean selectThread(IWorkbenchPage page, FaultlineDebugTarget target, int threadId) {
        IThread thread = target == null ? null : target.thread(threadId);
        IViewPart view = page.findView(IDebugUIConstants.ID_DEBUG_VIEW);
        IDebugView debugView = view == null ? null : view.getAdapter(IDebugView.class);
        if (thread == null || debugView == null || debugView.getViewer() == null) {
            return false;
        }
        TreeSelection selection = new TreeSelection(new TreePath(new Object[] {target.getLaunch(), target, thread}));
        Viewer viewer = debugView.getViewer();
        // The Debug view keeps a suspended frame selected against programmatic selections unless
        // forced; its viewer's forcing setSelection is not API, so it is looked up, and a plain
        // selection is the fallback where it is missing.
        try {
            Method forced = viewer.getClass().getMethod("setSelection", ISelection.class, boolean.class, boolean.class);
            forced.invoke(viewer, selection, true, true);
        } catch (ReflectiveOperationException e) {
            viewer.setSelection(selection, true);
        }
        return true;
    }
}
