package dev.faultline.debug.ui.launch;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchConfigurationType;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.debug.ui.DebugUITools;
import org.eclipse.debug.ui.ILaunchShortcut;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.ui.IEditorPart;

import dev.faultline.debug.core.FaultlineDebugCore;
import dev.faultline.debug.core.launch.FaultlineLaunchDelegate;

/** Debug As > Faultline Program on an .elf file or a system description: reuses the file's configuration, or makes one. */
public final class FaultlineLaunchShortcut implements ILaunchShortcut {

    @Override
    public void launch(ISelection selection, String mode) {
        if (selection instanceof IStructuredSelection structured && structured.getFirstElement() instanceof IFile file) {
            launch(file, mode);
        }
    }

    @Override
    public void launch(IEditorPart editor, String mode) {
        IFile file = editor.getEditorInput().getAdapter(IFile.class);
        if (file != null) {
            launch(file, mode);
        }
    }

    private static void launch(IFile file, String mode) {
        try {
            DebugUITools.launch(configurationFor(file), mode);
        } catch (CoreException e) {
            org.eclipse.jface.dialogs.ErrorDialog.openError(null, "Faultline", "Cannot launch " + file.getName(), e.getStatus());
        }
    }

    /** The configuration whose program is this file, made (and saved) the first time. */
    public static ILaunchConfiguration configurationFor(IFile file) throws CoreException {
        ILaunchManager manager = DebugPlugin.getDefault().getLaunchManager();
        ILaunchConfigurationType type = manager.getLaunchConfigurationType(FaultlineDebugCore.PROGRAM_LAUNCH_TYPE);
        String program = "${workspace_loc:" + file.getFullPath().toString() + "}";
        for (ILaunchConfiguration existing : manager.getLaunchConfigurations(type)) {
            if (program.equals(existing.getAttribute(FaultlineDebugCore.ATTR_PROGRAM, ""))) {
                return existing;
            }
        }
        ILaunchConfigurationWorkingCopy copy = type.newInstance(null, manager.generateLaunchConfigurationName(file.getName()));
        copy.setAttribute(FaultlineDebugCore.ATTR_PROGRAM, program);
        copy.setAttribute(FaultlineDebugCore.ATTR_FAULT_FILTERS, FaultlineLaunchDelegate.defaultFaultFilters());
        copy.setMappedResources(new org.eclipse.core.resources.IResource[] {file});
        return copy.doSave();
    }
}
