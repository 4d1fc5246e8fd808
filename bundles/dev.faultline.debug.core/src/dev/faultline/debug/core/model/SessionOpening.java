package dev.faultline.debug.core.model;

import java.util.HashMap;
import java.util.Map;

import org.eclipse.debug.core.DebugException;
import org.eclipse.lsp4j.debug.ConfigurationDoneArguments;

import dev.faultline.debug.core.dap.DapClient;

/**
 * How a session opens, in DAP's order: initialize; launch or attach (with the token of an adapter
 * that listens for clients); the breakpoints and fault filters; configurationDone, after which a
 * launched machine runs.
 */
final class SessionOpening {

    private SessionOpening() {
    }

    static void open(FaultlineDebugTarget target, DapClient client, FaultlineDebugTarget.Connection connection,
            Map<String, Object> arguments) throws DebugException {
        client.initialize();
        Map<String, Object> request = new HashMap<>(arguments);
        if (client.transport().token() != null) {
            request.put("token", client.transport().token());
        }
        if (connection == FaultlineDebugTarget.Connection.LAUNCHED) {
            client.call("launch", adapter -> adapter.launch(request));
        } else {
            client.call("attach", adapter -> adapter.attach(request));
        }
        target.fireCreationEvent();
        target.breakpoints().installAll();
        client.call("configurationDone", adapter -> adapter.configurationDone(new ConfigurationDoneArguments()));
        target.refreshThreads();
    }
}
