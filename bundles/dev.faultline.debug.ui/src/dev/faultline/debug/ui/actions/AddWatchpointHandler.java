package dev.faultline.debug.ui.actions;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.jface.dialogs.ErrorDialog;
import org.eclipse.jface.dialogs.InputDialog;
import org.eclipse.jface.window.Window;
import org.eclipse.ui.handlers.HandlerUtil;

import dev.faultline.debug.core.breakpoints.FaultlineWatchpoint;

/** The Breakpoints view's "Add Faultline Watchpoint...": asks for an address expression and watches writes there. */
public final class AddWatchpointHandler extends AbstractHandler {

    @Override
    public Object execute(ExecutionEvent event) {
        InputDialog dialog = new InputDialog(HandlerUtil.getActiveShell(event), "Add Faultline Watchpoint",
                "Address to watch: a symbol (counter), or an expression (sp - 16, *table + 8). The machine stops after each write "
                        + "to its 8 bytes.",
                "", text -> text.isBlank() ? "Name a symbol or an address expression" : null);
        if (dialog.open() == Window.OK) {
            try {
                new FaultlineWatchpoint(dialog.getValue());
            } catch (CoreException e) {
                ErrorDialog.openError(HandlerUtil.getActiveShell(event), "Add Faultline Watchpoint", null, e.getStatus());
            }
        }
        return null;
    }
}
