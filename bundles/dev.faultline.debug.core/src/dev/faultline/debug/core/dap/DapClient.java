package dev.faultline.debug.core.dap;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.debug.core.DebugException;
import org.eclipse.lsp4j.debug.BreakpointEventArguments;
import org.eclipse.lsp4j.debug.ContinuedEventArguments;
import org.eclipse.lsp4j.debug.ExitedEventArguments;
import org.eclipse.lsp4j.debug.InitializeRequestArguments;
import org.eclipse.lsp4j.debug.OutputEventArguments;
import org.eclipse.lsp4j.debug.StoppedEventArguments;
import org.eclipse.lsp4j.debug.TerminatedEventArguments;
import org.eclipse.lsp4j.debug.ThreadEventArguments;
import org.eclipse.lsp4j.debug.services.IDebugProtocolClient;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.debug.DebugLauncher;

import dev.faultline.debug.core.FaultlineDebugCore;

/**
 * The Eclipse side of one DAP connection: lsp4j's remote proxy of the adapter for requests, and
 * the adapter's events handed to the debug model on a thread of their own (never on the reader
 * thread, which must stay free to read the responses a handler waits for).
 */
public final class DapClient implements AutoCloseable {

    /** How long a request may take before the model gives up on it and says so. */
    private static final long TIMEOUT_SECONDS = 30;

    private final AdapterTransport transport;
    private final ExecutorService events;
    private final Launcher<FaultlineRemote> launcher;
    private volatile boolean closed;

    private DapClient(AdapterTransport transport, DapEvents listener) {
        this.transport = transport;
        this.events = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "faultline-dap-events");
            thread.setDaemon(true);
            return thread;
        });
        this.launcher = new DebugLauncher.Builder<FaultlineRemote>().setLocalService(relay(listener))
                .setRemoteInterface(FaultlineRemote.class).setInput(transport.input()).setOutput(transport.output())
                .create();
    }

    /** Starts reading the adapter's messages; listener hears its events until the connection ends. */
    public static DapClient connect(AdapterTransport transport, DapEvents listener) {
        DapClient client = new DapClient(transport, listener);
        CompletableFuture.runAsync(() -> {
            try {
                client.launcher.startListening().get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException e) {
                // A reset connection ends the session like a closed one.
            }
            client.events.execute(listener::connectionClosed);
        });
        return client;
    }

    public AdapterTransport transport() {
        return transport;
    }

    /** The initialize request, saying what this client is and takes: 1-based lines, file paths, memory references. */
    public void initialize() throws DebugException {
        InitializeRequestArguments arguments = new InitializeRequestArguments();
        arguments.setClientID("eclipse-faultline");
        arguments.setClientName("Eclipse");
        arguments.setAdapterID("faultline");
        arguments.setLinesStartAt1(true);
        arguments.setColumnsStartAt1(true);
        arguments.setPathFormat("path");
        arguments.setSupportsMemoryReferences(true);
        call("initialize", adapter -> adapter.initialize(arguments));
    }

    /**
     * Sends a request and waits for its response. A failed request becomes a DebugException whose
     * message is the adapter's own (what was wrong, and what to do), prefixed with what was asked.
     */
    public <T> T call(String what, Function<FaultlineRemote, CompletableFuture<T>> request) throws DebugException {
        if (closed) {
            throw failure(what + ": the debug session has ended", null);
        }
        try {
            return request.apply(launcher.getRemoteProxy()).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            String message = cause instanceof ResponseErrorException error ? error.getResponseError().getMessage()
                    : String.valueOf(cause.getMessage());
            throw failure(what + ": " + message, cause);
        } catch (TimeoutException e) {
            throw failure(what + ": the debug adapter did not answer within " + TIMEOUT_SECONDS + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure(what + ": interrupted", e);
        }
    }

    /** Sends a request without waiting; a failure is logged, since nobody is there to be told. */
    public void send(String what, Function<FaultlineRemote, CompletableFuture<?>> request) {
        if (closed) {
            return;
        }
        request.apply(launcher.getRemoteProxy()).exceptionally(error -> {
            if (!closed) {
                FaultlineDebugCore.log(what + " failed", error);
            }
            return null;
        });
    }

    private static DebugException failure(String message, Throwable cause) {
        return new DebugException(new Status(IStatus.ERROR, FaultlineDebugCore.PLUGIN_ID,
                DebugException.TARGET_REQUEST_FAILED, message, cause));
    }

    public boolean isClosed() {
        return closed;
    }

    @Override
    public void close() {
        closed = true;
        try {
            transport.close();
        } catch (IOException e) {
            // The connection is gone either way; nothing of the session depends on a clean close.
        }
        events.shutdown();
    }

    /** lsp4j calls these on its reader thread; each is passed on to the events thread. */
    private IDebugProtocolClient relay(DapEvents listener) {
        return new IDebugProtocolClient() {
            @Override
            public void stopped(StoppedEventArguments args) {
                events.execute(() -> listener.stopped(args));
            }

            @Override
            public void continued(ContinuedEventArguments args) {
                events.execute(() -> listener.continued(args));
            }

            @Override
            public void thread(ThreadEventArguments args) {
                events.execute(() -> listener.thread(args));
            }

            @Override
            public void output(OutputEventArguments args) {
                events.execute(() -> listener.output(args));
            }

            @Override
            public void breakpoint(BreakpointEventArguments args) {
                events.execute(() -> listener.breakpoint(args));
            }

            @Override
            public void exited(ExitedEventArguments args) {
                events.execute(() -> listener.exited(args));
            }

            @Override
            public void terminated(TerminatedEventArguments args) {
                events.execute(() -> listener.terminated(args));
            }
        };
    }
}
