package dev.faultline.dap.server;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.eclipse.lsp4j.debug.services.IDebugProtocolClient;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.jsonrpc.MessageConsumer;
import org.eclipse.lsp4j.jsonrpc.debug.DebugLauncher;
import org.eclipse.lsp4j.jsonrpc.json.StreamMessageConsumer;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseMessage;

/**
 * One client connection over a pair of streams (stdio, or a socket's): lsp4j's DAP framing, our
 * error bodies on every error response, and the actions that must follow a response (the
 * initialized event, a resume) run right after it is written.
 */
public final class DapConnection {

    private final DapServer server;
    private final Launcher<IDebugProtocolClient> launcher;
    private final ExecutorService executor;

    public DapConnection(MachineHost host, InputStream in, OutputStream out) {
        this.server = new DapServer(host);
        this.executor = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "faultline-dap-reader");
            thread.setDaemon(true);
            return thread;
        });
        this.launcher = new DebugLauncher.Builder<IDebugProtocolClient>().setLocalService(server).setRemoteInterface(IDebugProtocolClient.class)
                .setInput(in).setOutput(out).setExecutorService(executor)
                .setExceptionHandler(DapErrors::fromThrowable).wrapMessages(this::wrap).create();
        server.session().connect(launcher.getRemoteProxy());
    }

    /** Outgoing messages: error responses get body.error; a written response releases what waits for it. */
    private MessageConsumer wrap(MessageConsumer next) {
        if (!(next instanceof StreamMessageConsumer)) {
            return next;
        }
        return message -> {
            if (message instanceof ResponseMessage response) {
                DapErrors.completeBody(response);
                next.consume(message);
                server.session().responseWritten();
            } else {
                next.consume(message);
            }
        };
    }

    /** Serves the client until its connection closes; the client's session then lets the machine go. */
    public void serve() {
        Future<Void> listening = launcher.startListening();
        try {
            listening.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            // The stream ended badly (a reset socket): the session ends as if the client left.
        } finally {
            server.connectionClosed();
            executor.shutdownNow();
        }
    }

    public DapServer server() {
        return server;
    }
}
