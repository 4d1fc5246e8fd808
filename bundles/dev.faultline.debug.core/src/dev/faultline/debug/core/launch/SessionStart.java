package dev.faultline.debug.core.launch;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.Status;
import org.eclipse.debug.core.DebugException;
import org.eclipse.debug.core.ILaunch;

import dev.faultline.debug.core.FaultlineDebugCore;
import dev.faultline.debug.core.breakpoints.FaultlineFaultBreakpoint;
import dev.faultline.debug.core.dap.AdapterProcess;
import dev.faultline.debug.core.dap.AdapterTransport;
import dev.faultline.debug.core.model.FaultlineDebugTarget;
import dev.faultline.debug.core.model.FaultlineProcess;

/** What launching and attaching share: the process and the target on a launch, then the DAP handshake; a failure leaves nothing running. */
final class SessionStart {

    private SessionStart() {
    }

    static FaultlineDebugTarget start(ILaunch launch, String label, AdapterTransport transport,
            FaultlineDebugTarget.Connection connection, List<String> faultFilters, Map<String, Object> arguments)
            throws CoreException {
        FaultlineFaultBreakpoint.ensureAll();
        FaultlineProcess process = new FaultlineProcess(launch, label);
        FaultlineDebugTarget target = new FaultlineDebugTarget(launch, process, transport, connection, faultFilters);
        if (transport instanceof AdapterProcess own) {
            pump(own.errors(), process);
        }
        launch.addProcess(process);
        launch.addDebugTarget(target);
        try {
            target.start(arguments);
        } catch (DebugException e) {
            try {
                target.terminate();
            } catch (DebugException ignored) {
                // Already ending: the adapter's refusal is what the user needs to read.
            }
            throw new CoreException(Status.error(e.getMessage(), e));
        }
        return target;
    }

    /** An own-JVM adapter's stderr (its reports, never protocol) into the console's error stream. */
    private static void pump(InputStream errors, FaultlineProcess process) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[4096];
            try {
                for (int n; (n = errors.read(buffer)) > 0;) {
                    process.streams().append("stderr", new String(buffer, 0, n, StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                // The adapter process ended; its session ends through the protocol stream.
            }
        }, "faultline-adapter-stderr");
        thread.setDaemon(true);
        thread.start();
    }

    static CoreException failure(String message, Throwable cause) {
        return new CoreException(new Status(Status.ERROR, FaultlineDebugCore.PLUGIN_ID, message, cause));
    }
}
