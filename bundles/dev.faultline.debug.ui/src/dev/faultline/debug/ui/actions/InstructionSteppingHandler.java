package dev.faultline.debug.ui.actions;

import java.util.Map;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.runtime.IAdaptable;
import org.eclipse.debug.core.model.IDebugElement;
import org.eclipse.debug.ui.DebugUITools;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.commands.ICommandService;
import org.eclipse.ui.commands.IElementUpdater;
import org.eclipse.ui.menus.UIElement;

import dev.faultline.debug.core.model.FaultlineDebugTarget;

/**
 * The Debug view's "Instruction Stepping Mode" toggle: while on, the selected session's steps
 * move by one instruction instead of one source line.
 */
public final class InstructionSteppingHandler extends AbstractHandler implements IElementUpdater {

    public static final String COMMAND_ID = "dev.faultline.debug.ui.instructionStepping";

    @Override
    public Object execute(ExecutionEvent event) {
        FaultlineDebugTarget target = selectedTarget();
        if (target != null) {
            target.setInstructionStepping(!target.isInstructionStepping());
            PlatformUI.getWorkbench().getService(ICommandService.class).refreshElements(COMMAND_ID, null);
        }
        return null;
    }

    @Override
    public boolean isEnabled() {
        return selectedTarget() != null;
    }

    @Override
    public void updateElement(UIElement element, @SuppressWarnings("rawtypes") Map parameters) {
        FaultlineDebugTarget target = selectedTarget();
        element.setChecked(target != null && target.isInstructionStepping());
    }

    private static FaultlineDebugTarget selectedTarget() {
        IAdaptable context = DebugUITools.getDebugContext();
        IDebugElement element = context == null ? null : context.getAdapter(IDebugElement.class);
        return element != null && element.getDebugTarget() instanceof FaultlineDebugTarget target ? target : null;
    }
}
