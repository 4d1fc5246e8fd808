package dev.faultline.debug.core.launch;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.model.ILaunchConfigurationDelegate;

import dev.faultline.debug.core.FaultlineDebugCore;
import dev.faultline.debug.core.dap.SocketTransport;
import dev.faultline.debug.core.model.FaultlineDebugTarget;

/** "Faultline Attach": connects to a machine that `faultline debug --listen PORT` runs, without stopping it. */
public final class FaultlineAttachDelegate implements ILaunchConfigurationDelegate {

    public static final String DEFAULT_HOST = "127.0.0.1";

    /** Null when host and port can be tried, else what is wrong. */
    public static String problem(String host, int port) {
        if (host == null || host.isBlank()) {
            return "Name the host the adapter listens on (127.0.0.1 for this machine).";
        }
        if (port <= 0 || port > 65535) {
            return "The port is 1..65535: the one `faultline debug --listen PORT` printed.";
        }
        return null;
    }

    @Override
    public void launch(ILaunchConfiguration configuration, String mode, ILaunch launch, IProgressMonitor monitor)
            throws CoreException {
        String host = configuration.getAttribute(FaultlineDebugCore.ATTR_HOST, DEFAULT_HOST);
        int port = configuration.getAttribute(FaultlineDebugCore.ATTR_PORT, 0);
        String problem = problem(host, port);
        if (problem != null) {
            throw SessionStart.failure(problem, null);
        }
        String token = configuration.getAttribute(FaultlineDebugCore.ATTR_TOKEN, "");
        SocketTransport transport;
        try {
            transport = SocketTransport.connect(host, port, token);
        } catch (IOException e) {
            throw SessionStart.failure(e.getMessage(), e);
        }
        SessionStart.start(launch, "machine at " + host + ":" + port, transport, FaultlineDebugTarget.Connection.ATTACHED,
                List.of(), Map.of());
    }
}
