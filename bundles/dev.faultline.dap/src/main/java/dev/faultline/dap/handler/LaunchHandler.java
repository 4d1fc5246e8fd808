package dev.faultline.dap.handler;

import java.nio.file.Path;
import java.util.Map;

import org.eclipse.lsp4j.debug.DisconnectArguments;
import org.eclipse.lsp4j.debug.TerminatedEventArguments;

import dev.faultline.dap.server.Convert;
import dev.faultline.dap.server.DapSession;
import dev.faultline.dap.session.Debuggee;
import dev.faultline.dap.session.SessionException;
import dev.faultline.dap.session.Stop;

/**
 * launch, attach, configurationDone, disconnect and terminate: how a client comes to the machine
 * and leaves it. A launched machine waits, stopped, for configurationDone (or runs at once without
 * debugging); an attach leaves a running machine running.
 */
public final class LaunchHandler {

    private final DapSession session;
    private boolean launched;
    private boolean attached;
    private boolean configured;
    private boolean startWhenConfigured;
    /** The arguments of this session's launch, for restart; null when it attached. */
    private Map<String, Object> launchArguments;

    public LaunchHandler(DapSession session) {
        this.session = session;
    }

    /** launch: arguments program (a root-task ELF or a system description), stopOnEntry, noDebug. */
    public void launch(Map<String, Object> arguments) {
        session.host().claim(session);
        session.host().checkToken(arguments.get("token"));
        Object program = arguments.get("program");
        Path path;
        if (program instanceof String named && !named.isBlank()) {
            path = Path.of(named);
        } else if (program == null && session.host().defaultProgram() != null) {
            path = session.host().defaultProgram();
        } else {
            throw new SessionException(SessionException.BAD_ARGUMENT,
                    "launch needs \"program\": the path of a root-task ELF or a system description");
        }
        if (session.host().machine().hasMachine()) {
            throw new SessionException(SessionException.BUSY,
                    "a machine is already running here: attach to it, or terminate it first");
        }
        session.host().machine().boot(path);
        session.connectMachine();
        launched = true;
        launchArguments = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(arguments));
        boolean noDebug = Boolean.TRUE.equals(arguments.get("noDebug"));
        if (Boolean.TRUE.equals(arguments.get("stopOnEntry")) && !noDebug) {
            session.afterResponse(() -> session.host().machine().post(Debuggee::stopAtEntry));
        } else if (configured || noDebug) {
            session.afterResponse(this::start);
        } else {
            startWhenConfigured = true;
        }
    }

    /** attach: to the machine this adapter already runs, without stopping it; arguments token. */
    public void attach(Map<String, Object> arguments) {
        session.host().claim(session);
        session.host().checkToken(arguments.get("token"));
        if (!session.host().machine().hasMachine()) {
            throw new SessionException(SessionException.NO_MACHINE,
                    "no machine is running here to attach to: launch a program instead");
        }
        Stop standing = session.connectMachine();
        attached = true;
        // A machine stopped before this client came is announced once; a stop since was sent already.
        session.afterResponse(() -> session.host().machine().post(debuggee -> {
            if (standing != null && debuggee.stop() == standing) {
                session.client().stopped(Convert.stopped(standing));
            }
        }));
    }

    /**
     * restart: ends the machine and launches the same program again with the same launch
     * arguments; the session's breakpoints and exception filters are placed in the new machine.
     */
    public void restart() {
        if (launchArguments == null) {
            throw new SessionException(SessionException.UNSUPPORTED,
                    "restart relaunches a program this client launched; an attached machine is not this client's to restart");
        }
        session.disconnectMachine();
        session.host().terminate();
        launched = false;
        launch(launchArguments);
    }

    public void configurationDone() {
        configured = true;
        if (startWhenConfigured) {
            startWhenConfigured = false;
            session.afterResponse(this::start);
        }
    }

    private void start() {
        session.host().machine().post(Debuggee::resume);
    }

    /**
     * disconnect: ends the machine when terminateDebuggee says so (the default for a launch),
     * else detaches and leaves it running (or stopped, with suspendDebuggee) for the next client.
     */
    public void disconnect(DisconnectArguments arguments) {
        boolean terminate = arguments != null && arguments.getTerminateDebuggee() != null
                ? arguments.getTerminateDebuggee() : launched;
        boolean suspend = arguments != null && Boolean.TRUE.equals(arguments.getSuspendDebuggee());
        if (!launched && !attached) {
            return;
        }
        session.disconnectMachine();
        if (terminate) {
            session.host().terminate();
        } else if (!suspend) {
            session.host().machine().post(debuggee -> {
                if (debuggee.mode() == Debuggee.Mode.STOPPED) {
                    debuggee.resume();
                }
            });
        }
    }

    /** terminate: ends the machine; the client hears exited and terminated. */
    public void terminate() {
        if (!session.isConnected()) {
            throw new SessionException(SessionException.NO_MACHINE, "no machine to terminate");
        }
        session.afterResponse(() -> {
            session.disconnectMachine();
            session.host().terminate();
            session.client().terminated(new TerminatedEventArguments());
        });
    }
}
