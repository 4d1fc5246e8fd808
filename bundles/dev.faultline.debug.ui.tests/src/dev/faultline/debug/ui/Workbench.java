package dev.faultline.debug.ui;

import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;

/** The running workbench as a UI test drives it: on the UI thread, dispatching events while it waits. */
public final class Workbench {

    private Workbench() {
    }

    public static IWorkbenchPage page() {
        return PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
    }

    public static Shell shell() {
        return PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell();
    }

    /** Gives the workbench window the whole screen (Xvfb has no window manager to maximize it). */
    /**
     * Opens the Debug perspective, where the Faultline views sit beside Variables and the Console;
     * before a launch, so that the platform does not stop to ask whether to switch to it.
     */
    public static void showDebugPerspective() throws org.eclipse.ui.WorkbenchException {
        org.eclipse.ui.PlatformUI.getWorkbench().showPerspective(org.eclipse.debug.ui.IDebugUIConstants.ID_DEBUG_PERSPECTIVE,
                org.eclipse.ui.PlatformUI.getWorkbench().getActiveWorkbenchWindow());
    }

    public static void fillScreen() {
        Shell shell = shell();
        shell.setBounds(shell.getDisplay().getPrimaryMonitor().getBounds());
        dispatch();
    }

    /** Runs the UI's pending events once (so background answers reach the views). */
    public static void dispatch() {
        Display display = Display.getCurrent();
        while (display.readAndDispatch()) {
            // drain
        }
    }

    /**
     * Dispatches events for a while: the Debug and Breakpoints views compute labels in background
     * jobs, so a screenshot taken at once may show rows without text.
     */
    public static void settle(long millis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (System.nanoTime() < deadline) {
            dispatch();
            Thread.sleep(20);
        }
    }

    /** Dispatches events until condition holds; fails with what was awaited after seconds. */
    public static void waitUntil(String what, BooleanSupplier condition, long seconds) throws InterruptedException {
        waitUntil(what, condition, seconds, () -> "");
    }

    /** As above; seen says what there was instead, for the failure message. */
    public static void waitUntil(String what, BooleanSupplier condition, long seconds, java.util.function.Supplier<String> seen)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + seconds + " s: " + what + " " + seen.get());
            }
            dispatch();
            Thread.sleep(20);
        }
        dispatch();
    }

    /** Shows (and brings to the front of its stack) the view with this id. */
    @SuppressWarnings("unchecked")
    public static <T extends IViewPart> T show(String id) throws PartInitException {
        T view = (T) page().showView(id);
        dispatch();
        return view;
    }

    /** The Debug view's selection, the debug context the views and commands follow. */
    public static Object debugContext() {
        var context = org.eclipse.debug.ui.DebugUITools.getDebugContextManager().getContextService(page().getWorkbenchWindow())
                .getActiveContext();
        return context instanceof org.eclipse.jface.viewers.IStructuredSelection structured ? structured.getFirstElement() : null;
    }

    /** Selects thread's top frame in the Debug view, as a click on it does, and waits until it is the debug context. */
    public static void selectTopFrame(org.eclipse.debug.core.model.IThread thread) throws Exception {
        var view = page().showView(org.eclipse.debug.ui.IDebugUIConstants.ID_DEBUG_VIEW).getAdapter(org.eclipse.debug.ui.IDebugView.class);
        var top = thread.getTopStackFrame();
        view.getViewer().setSelection(new org.eclipse.jface.viewers.TreeSelection(new org.eclipse.jface.viewers.TreePath(
                new Object[] {thread.getLaunch(), thread.getDebugTarget(), thread, top})), true);
        waitUntil("the Debug view selects the top frame", () -> debugContext() == top, 30);
    }

    /** After a test: every session ended, every Faultline breakpoint removed, every editor closed. */
    public static void cleanUp() throws org.eclipse.core.runtime.CoreException {
        dev.faultline.debug.core.testing.Sessions.cleanUp();
        page().closeAllEditors(false);
        dispatch();
    }
}
