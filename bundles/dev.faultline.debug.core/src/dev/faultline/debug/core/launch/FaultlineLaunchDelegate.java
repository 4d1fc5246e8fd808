package dev.faultline.debug.core.launch;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.variables.VariablesPlugin;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.model.ILaunchConfigurationDelegate;

import dev.faultline.dap.session.ExceptionFilter;
import dev.faultline.debug.core.FaultlineDebugCore;
import dev.faultline.debug.core.dap.AdapterProcess;
import dev.faultline.debug.core.dap.AdapterTransport;
import dev.faultline.debug.core.dap.InProcessAdapter;
import dev.faultline.debug.core.model.FaultlineDebugTarget;

/** "Faultline Program": boots a root-task ELF or a system description on a new machine and debugs it. */
public final class FaultlineLaunchDelegate implements ILaunchConfigurationDelegate {

    /** The fault kinds a new configuration stops on: the adapter's default filters. */
    public static List<String> defaultFaultFilters() {
        return java.util.Arrays.stream(ExceptionFilter.values()).filter(ExceptionFilter::byDefault).map(ExceptionFilter::id).toList();
    }

    /** The program's path with variables such as ${workspace_loc:...} replaced. */
    public static String programPath(ILaunchConfiguration configuration) throws CoreException {
        String raw = configuration.getAttribute(FaultlineDebugCore.ATTR_PROGRAM, "");
        return VariablesPlugin.getDefault().getStringVariableManager().performStringSubstitution(raw, true);
    }

    @Override
    public void launch(ILaunchConfiguration configuration, String mode, ILaunch launch, IProgressMonitor monitor)
            throws CoreException {
        String program = programPath(configuration);
        String problem = ProgramCheck.problem(program);
        if (problem != null) {
            throw SessionStart.failure(problem, null);
        }
        AdapterMode where = AdapterMode.named(configuration.getAttribute(FaultlineDebugCore.ATTR_ADAPTER_MODE, AdapterMode.IN_PROCESS.name()));
        AdapterTransport transport;
        try {
            transport = where == AdapterMode.OWN_JVM ? AdapterProcess.start() : InProcessAdapter.start();
        } catch (IOException e) {
            throw SessionStart.failure("The Faultline debug adapter did not start: " + e.getMessage(), e);
        }
        Map<String, Object> arguments = new HashMap<>();
        arguments.put("program", Path.of(program).toAbsolutePath().toString());
        arguments.put("stopOnEntry", configuration.getAttribute(FaultlineDebugCore.ATTR_STOP_ON_ENTRY, false));
        List<String> filters = configuration.getAttribute(FaultlineDebugCore.ATTR_FAULT_FILTERS, defaultFaultFilters());
        String label = Path.of(program).getFileName() + " (Faultline machine)";
        SessionStart.start(launch, label, transport, FaultlineDebugTarget.Connection.LAUNCHED, filters, arguments);
    }
}
