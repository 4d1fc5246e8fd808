package dev.faultline.dap.server;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.eclipse.lsp4j.debug.BreakpointEventArguments;
import org.eclipse.lsp4j.debug.Capabilities;
import org.eclipse.lsp4j.debug.ExitedEventArguments;
import org.eclipse.lsp4j.debug.InitializeRequestArguments;
import org.eclipse.lsp4j.debug.OutputEventArguments;
import org.eclipse.lsp4j.debug.StoppedEventArguments;
import org.eclipse.lsp4j.debug.TerminatedEventArguments;
import org.eclipse.lsp4j.debug.ThreadEventArguments;
import org.eclipse.lsp4j.debug.launch.DSPLauncher;
import org.eclipse.lsp4j.debug.services.IDebugProtocolClient;
import org.eclipse.lsp4j.debug.services.IDebugProtocolServer;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;

/** An lsp4j DAP client over a real TCP socket that keeps every event in arrival order, for the tests to wait on. */
final class TestClient implements IDebugProtocolClient, AutoCloseable {

    static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** An event as it arrived: its DAP name and its arguments. */
    record Event(String name, Object body) {
    }

    private final Socket socket;
    private final IDebugProtocolServer server;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final List<String> output = new ArrayList<>();

    TestClient(int port) throws IOException {
        socket = new Socket(InetAddress.getLoopbackAddress(), port);
        Launcher<IDebugProtocolServer> launcher = DSPLauncher.createClientLauncher(this, socket.getInputStream(),
                socket.getOutputStream());
        launcher.startListening();
        server = launcher.getRemoteProxy();
    }

    IDebugProtocolServer server() {
        return server;
    }

    /** The answer to a request, or the failure's ResponseErrorException. */
    static <T> T await(CompletableFuture<T> request) {
        try {
            return request.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ResponseErrorException error) {
                throw error;
            }
            throw new AssertionError(e.getCause());
        } catch (InterruptedException | TimeoutException e) {
            throw new AssertionError("no answer in " + TIMEOUT, e);
        }
    }

    Capabilities initialize() {
        InitializeRequestArguments arguments = new InitializeRequestArguments();
        arguments.setAdapterID("faultline");
        arguments.setClientID("faultline-tests");
        arguments.setLinesStartAt1(true);
        arguments.setColumnsStartAt1(true);
        Capabilities capabilities = await(server.initialize(arguments));
        next("initialized");
        return capabilities;
    }

    void launch(Object program, boolean stopOnEntry) {
        await(server.launch(Map.of("program", program.toString(), "stopOnEntry", stopOnEntry, "type", "faultline")));
    }

    /** The next event of this name; events of other names before it are skipped (output is kept). */
    Event next(String name) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (true) {
            Event event;
            try {
                event = events.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
            if (event == null) {
                throw new AssertionError("no '" + name + "' event in " + TIMEOUT);
            }
            if (event.name().equals(name)) {
                return event;
            }
        }
    }

    StoppedEventArguments stopped() {
        return (StoppedEventArguments) next("stopped").body();
    }

    /** The events that have arrived and were not yet taken, without waiting. */
    List<Event> pending() {
        List<Event> drained = new ArrayList<>();
        events.drainTo(drained);
        return drained;
    }

    synchronized String output() {
        return String.join("", output);
    }

    @Override
    public void initialized() {
        events.add(new Event("initialized", null));
    }

    @Override
    public void stopped(StoppedEventArguments args) {
        events.add(new Event("stopped", args));
    }

    @Override
    public void exited(ExitedEventArguments args) {
        events.add(new Event("exited", args));
    }

    @Override
    public void terminated(TerminatedEventArguments args) {
        events.add(new Event("terminated", args));
    }

    @Override
    public void thread(ThreadEventArguments args) {
        events.add(new Event("thread", args));
    }

    @Override
    public void breakpoint(BreakpointEventArguments args) {
        events.add(new Event("breakpoint", args));
    }

    @Override
    public void output(OutputEventArguments args) {
        synchronized (this) {
            output.add(args.getOutput());
        }
        events.add(new Event("output", args));
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
