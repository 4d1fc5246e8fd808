package dev.faultline.debug.ui.actions;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.jface.dialogs.ErrorDialog;
import org.eclipse.jface.window.Window;
import org.eclipse.ui.handlers.HandlerUtil;

import dev.faultline.debug.core.breakpoints.FaultlineWatchpoint;
import dev.faultline.debug.ui.breakpoints.WatchpointDialog;

/**
 * The Breakpoints view's "Add Faultline Watchpoint...": asks for an address expression, the
 * accesses that stop and the size, and adds the watchpoint.
 */
public final class AddWatchpointHandler extends AbstractHandler {

    public static final String COMMAND_ID = "dev.faultline.debug.ui.addWatchpoint";

    @Override
    public Object execute(ExecutionEvent event) {
        WatchpointDialog dialog = new WatchpointDialog(HandlerUtil.getActiveShell(event));
        if (dialog.open() == Window.OK) {
            WatchpointDialog.Choice choice = dialog.choice();
            try {
                new FaultlineWatchpoint(choice.expression(), choice.access(), choice.bytes());
            } catch (CoreException e) {
                ErrorDialog.openError(HandlerUtil.getActiveShell(event), "Add Faultline Watchpoint", null, e.getStatus());
            }
        }
        return null;
    }
}
