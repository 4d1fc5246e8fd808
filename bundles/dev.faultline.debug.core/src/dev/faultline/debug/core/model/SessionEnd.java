package dev.faultline.debug.core.model;

import org.eclipse.debug.core.DebugException;
import org.eclipse.lsp4j.debug.DisconnectArguments;

import dev.faultline.debug.core.dap.DapClient;

/**
 * How a session ends, whoever ends it: this client terminating (the machine ends with it) or
 * disconnecting (an attached machine runs on for the next client), the adapter's terminated
 * event, or a closed connection. Every element and the process hear of it once.
 */
final class SessionEnd {

    private final FaultlineDebugTarget target;
    private final DapClient client;
    private volatile boolean over;
    private volatile boolean disconnected;

    SessionEnd(FaultlineDebugTarget target, DapClient client) {
        this.target = target;
        this.client = client;
    }

    boolean isOver() {
        return over;
    }

    /** True when this client let go of a machine that runs on. */
    boolean isDisconnected() {
        return disconnected;
    }

    /** Ends the session and the machine with it. */
    void terminate() throws DebugException {
        leave(true);
    }

    /** Ends the session and leaves the machine running. */
    void disconnect() throws DebugException {
        disconnected = true;
        leave(false);
    }

    private void leave(boolean terminateMachine) throws DebugException {
        if (over) {
            return;
        }
        DisconnectArguments arguments = new DisconnectArguments();
        arguments.setTerminateDebuggee(terminateMachine);
        try {
            target.client().call("disconnect", adapter -> adapter.disconnect(arguments));
        } finally {
            ended();
        }
    }

    /** The session is over: the breakpoints' status goes, the connection closes, the elements hear it. */
    void ended() {
        synchronized (this) {
            if (over) {
                return;
            }
            over = true;
            target.runState().ended();
        }
        target.breakpoints().dispose();
        client.close();
        for (FaultlineThread each : target.threads()) {
            each.fireTerminateEvent();
        }
        target.fireTerminateEvent();
        ((FaultlineProcess) target.getProcess()).ended();
    }
}
