package dev.faultline.debug.ui;

import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchPage;

/** The UI bundle's identifiers, and the one way its views tell the user something went wrong. */
public final class FaultlineDebugUi {

    public static final String PLUGIN_ID = "dev.faultline.debug.ui";

    /** The Generic Editor, which opens guest sources (CDT is not part of the Faultline IDE). */
    public static final String GENERIC_EDITOR_ID = "org.eclipse.ui.genericeditor.GenericEditor";

    private FaultlineDebugUi() {
    }

    /** Shows message on the status line of the page's active view (a problem the user can act on, without a dialog). */
    public static void status(IWorkbenchPage page, String message) {
        if (page.getActivePart() instanceof IViewPart view) {
            view.getViewSite().getActionBars().getStatusLineManager().setErrorMessage(message);
        }
    }
}
