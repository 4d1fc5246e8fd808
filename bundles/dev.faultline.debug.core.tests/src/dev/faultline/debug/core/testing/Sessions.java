package dev.faultline.debug.core.testing;

import java.nio.file.Path;
import java.util.List;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchConfigurationType;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.debug.core.model.IBreakpoint;

import dev.faultline.debug.core.FaultlineDebugCore;
import dev.faultline.debug.core.launch.AdapterMode;
import dev.faultline.debug.core.model.FaultlineDebugTarget;

/** Launch configurations as a user makes them in the launch dialog, and cleaning up after a test. */
public final class Sessions {

    private Sessions() {
    }

    public static ILaunchConfigurationWorkingCopy program(Path program, AdapterMode mode, List<String> faultFilters, boolean stopOnEntry)
            throws CoreException {
        ILaunchConfigurationWorkingCopy copy = type(FaultlineDebugCore.PROGRAM_LAUNCH_TYPE).newInstance(null, "test " + program.getFileName());
        copy.setAttribute(FaultlineDebugCore.ATTR_PROGRAM, program.toString());
        copy.setAttribute(FaultlineDebugCore.ATTR_ADAPTER_MODE, mode.name());
        copy.setAttribute(FaultlineDebugCore.ATTR_FAULT_FILTERS, faultFilters);
        copy.setAttribute(FaultlineDebugCore.ATTR_STOP_ON_ENTRY, stopOnEntry);
        return copy;
    }

    public static ILaunchConfigurationWorkingCopy attach(String host, int port, String token) throws CoreException {
        ILaunchConfigurationWorkingCopy copy = type(FaultlineDebugCore.ATTACH_LAUNCH_TYPE).newInstance(null, "test attach " + port);
        copy.setAttribute(FaultlineDebugCore.ATTR_HOST, host);
        copy.setAttribute(FaultlineDebugCore.ATTR_PORT, port);
        copy.setAttribute(FaultlineDebugCore.ATTR_TOKEN, token);
        return copy;
    }

    private static ILaunchConfigurationType type(String id) {
        return DebugPlugin.getDefault().getLaunchManager().getLaunchConfigurationType(id);
    }

    public static ILaunch debug(ILaunchConfigurationWorkingCopy configuration) throws CoreException {
        return configuration.launch(ILaunchManager.DEBUG_MODE, new NullProgressMonitor());
    }

    public static FaultlineDebugTarget target(ILaunch launch) {
        return (FaultlineDebugTarget) launch.getDebugTarget();
    }

    /** Ends every launch and removes every Faultline breakpoint, so tests do not see each other's. */
    public static void cleanUp() throws CoreException {
        ILaunchManager launches = DebugPlugin.getDefault().getLaunchManager();
        for (ILaunch launch : launches.getLaunches()) {
            if (launch.canTerminate()) {
                launch.terminate();
            }
            launches.removeLaunch(launch);
        }
        IBreakpoint[] breakpoints = DebugPlugin.getDefault().getBreakpointManager().getBreakpoints(FaultlineDebugCore.MODEL_ID);
        DebugPlugin.getDefault().getBreakpointManager().removeBreakpoints(breakpoints, true);
    }
}
