package dev.faultline.debug.ui.views;

import org.eclipse.debug.ui.IDebugUIConstants;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.WorkbenchException;

/** Opens the Debug perspective, where the Faultline views sit beside Variables and the Console. */
final class PlatformUITools {

    private PlatformUITools() {
    }

    static void showDebugPerspective() throws WorkbenchException {
        PlatformUI.getWorkbench().showPerspective(IDebugUIConstants.ID_DEBUG_PERSPECTIVE,
                PlatformUI.getWorkbench().getActiveWorkbenchWindow());
    }
}
