package dev.faultline.debug.core.sourcelookup;

import java.io.File;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.variables.VariablesPlugin;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.sourcelookup.ISourceContainer;
import org.eclipse.debug.core.sourcelookup.ISourcePathComputerDelegate;
import org.eclipse.debug.core.sourcelookup.containers.DirectorySourceContainer;
import org.eclipse.debug.core.sourcelookup.containers.WorkspaceSourceContainer;

import dev.faultline.debug.core.FaultlineDebugCore;

/** Where relative DWARF paths are looked up by default: the program's folder and its subfolders, then the workspace. */
public final class FaultlineSourcePathComputer implements ISourcePathComputerDelegate {

    public static final String ID = FaultlineDebugCore.PLUGIN_ID + ".sourcePathComputer";

    @Override
    public ISourceContainer[] computeSourceContainers(ILaunchConfiguration configuration, IProgressMonitor monitor)
            throws CoreException {
        List<ISourceContainer> containers = new ArrayList<>();
        String program = configuration.getAttribute(FaultlineDebugCore.ATTR_PROGRAM, "");
        if (!program.isBlank()) {
            File folder = new File(VariablesPlugin.getDefault().getStringVariableManager()
                    .performStringSubstitution(program, false)).getAbsoluteFile().getParentFile();
            if (folder != null && folder.isDirectory()) {
                containers.add(new DirectorySourceContainer(folder, true));
            }
        }
        containers.add(new WorkspaceSourceContainer());
        return containers.toArray(ISourceContainer[]::new);
    }
}
