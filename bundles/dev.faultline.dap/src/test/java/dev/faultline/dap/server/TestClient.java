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
    /** Every event ever received, in order, whether or not a wait took it. */
    private final List<Event> history = java.util.Collections.synchronizedList(new ArrayList<>());
    private final List<String> output = new ArrayList<>();
    private final List<String> categories = new ArrayList<>();

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

    synchronized String output() {
        return String.join("", output);
    }

    /** The output of one category ("stdout", "console") so far. */
    synchronized String outputs(String category) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < output.size(); i++) {
            if (category.equals(categories.get(i))) {
                text.append(output.get(i));
            }
        }
        return text.toString();
    }

    private void record(Event event) {
        history.add(event);
        events.add(event);
    }

    /** Every event received so far, in order. */
    List<Event> history() {
        synchronized (history) {
            return List.copyOf(history);
        }
    }

    @Override
    public void initialized() {
        record(new Event("initialized", null));
    }

    @Override
    public void stopped(StoppedEventArguments args) {
        record(new Event("stopped", args));
    }

    @Override
    public void exited(ExitedEventArguments args) {
        record(new Event("exited", args));
    }

    @Override
    public void terminated(TerminatedEventArguments args) {
        record(new Event("terminated", args));
    }

    @Override
    public void thread(ThreadEventArguments args) {
        record(new Event("thread", args));
    }

    @Override
    public void breakpoint(BreakpointEventArguments args) {
        record(new Event("breakpoint", args));
    }

    @Override
    public void output(OutputEventArguments args) {
        synchronized (this) {
            output.add(args.getOutput());
            categories.add(args.getCategory());
        }
        record(new Event("output", args));
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
