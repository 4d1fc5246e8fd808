package dev.faultline.dap.server;

import static dev.faultline.dap.server.TestClient.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.lsp4j.debug.ContinueArguments;
import org.eclipse.lsp4j.debug.EvaluateArguments;
import org.eclipse.lsp4j.debug.Scope;
import org.eclipse.lsp4j.debug.ScopesArguments;
import org.eclipse.lsp4j.debug.SetBreakpointsArguments;
import org.eclipse.lsp4j.debug.Source;
import org.eclipse.lsp4j.debug.SourceBreakpoint;
import org.eclipse.lsp4j.debug.StackFrame;
import org.eclipse.lsp4j.debug.StackTraceArguments;
import org.eclipse.lsp4j.debug.Variable;
import org.eclipse.lsp4j.debug.VariablesArguments;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** An adapter listening on a loopback port with one client connected, and the requests tests make often. */
abstract class ServerFixture {

    protected MachineHost host;
    protected TcpListener listener;
    protected TestClient client;
    private final List<TestClient> clients = new ArrayList<>();

    /** The token the host wants; null for none. */
    protected String token() {
        return null;
    }

    @BeforeEach
    void listen() throws IOException {
        host = new MachineHost(token());
        listener = new TcpListener(host, null, 0);
        Thread serving = new Thread(listener::serve, "test-listener");
        serving.setDaemon(true);
        serving.start();
        client = connect();
    }

    protected TestClient connect() throws IOException {
        TestClient connected = new TestClient(listener.port());
        clients.add(connected);
        return connected;
    }

    @AfterEach
    void close() throws IOException {
        for (TestClient connected : clients) {
            connected.close();
        }
        listener.close();
        host.close();
    }

    static Path stepsSource() {
        return dev.faultline.emulator.testing.Toolchain.repositoryRoot().resolve("bundles/dev.faultline.dap/src/test/guest/steps.c");
    }

    /** The 1-based line of the first line of file that contains text. */
    static int lineOf(Path file, String text) {
        try {
            List<String> lines = Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).contains(text)) {
                    return i + 1;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new AssertionError(file + " has no line with " + text);
    }

    /** Launches program stopped at its entry, with the given source breakpoints (file, lines) set. */
    protected int launchStopped(Path program) {
        client.initialize();
        client.launch(program, true);
        await(client.server().configurationDone(null));
        return client.stopped().getThreadId();
    }

    protected org.eclipse.lsp4j.debug.Breakpoint[] setBreakpoints(Path file, SourceBreakpoint... breakpoints) {
        SetBreakpointsArguments arguments = new SetBreakpointsArguments();
        arguments.setSource(source(file));
        arguments.setBreakpoints(breakpoints);
        return await(client.server().setBreakpoints(arguments)).getBreakpoints();
    }

    static Source source(Path file) {
        Source source = new Source();
        source.setPath(file.toString());
        return source;
    }

    static SourceBreakpoint at(int line) {
        SourceBreakpoint breakpoint = new SourceBreakpoint();
        breakpoint.setLine(line);
        return breakpoint;
    }

    protected void resume(int thread) {
        ContinueArguments arguments = new ContinueArguments();
        arguments.setThreadId(thread);
        await(client.server().continue_(arguments));
    }

    protected StackFrame[] frames(int thread) {
        StackTraceArguments arguments = new StackTraceArguments();
        arguments.setThreadId(thread);
        return await(client.server().stackTrace(arguments)).getStackFrames();
    }

    /** The value evaluate gives an expression in the stopped thread (shown as 0x and hex digits, or signed decimal). */
    /** Runs the steps guest to its first stop in square(); answers that frame. */
    protected StackFrame stopInSquare() {
        int thread = launchStopped(Guests.testGuest("steps"));
        setBreakpoints(stepsSource(), at(lineOf(stepsSource(), "long result = x * x;")));
        resume(thread);
        return frames(client.stopped().getThreadId())[0];
    }

    protected long evaluate(String expression) {
        EvaluateArguments arguments = new EvaluateArguments();
        arguments.setExpression(expression);
        arguments.setContext("watch");
        String result = await(client.server().evaluate(arguments)).getResult();
        return result.startsWith("0x") ? Long.parseUnsignedLong(result.substring(2), 16) : Long.parseLong(result);
    }

    /** The variablesReference of the frame's scope of this name. */
    protected int scopeReference(int frameId, String name) {
        ScopesArguments arguments = new ScopesArguments();
        arguments.setFrameId(frameId);
        for (Scope scope : await(client.server().scopes(arguments)).getScopes()) {
            if (scope.getName().equals(name)) {
                return scope.getVariablesReference();
            }
        }
        throw new AssertionError("frame " + frameId + " has no scope " + name);
    }

    protected Variable[] scope(int frameId, String name) {
        VariablesArguments variables = new VariablesArguments();
        variables.setVariablesReference(scopeReference(frameId, name));
        return await(client.server().variables(variables)).getVariables();
    }

    /** The variables a variable with parts (a struct, an array, a pointer) opens into. */
    protected Variable[] open(Variable variable) {
        org.junit.jupiter.api.Assertions.assertTrue(variable.getVariablesReference() > 0, variable.getName() + " opens");
        VariablesArguments arguments = new VariablesArguments();
        arguments.setVariablesReference(variable.getVariablesReference());
        return await(client.server().variables(arguments)).getVariables();
    }

    static Variable variable(Variable[] variables, String name) {
        for (Variable variable : variables) {
            if (variable.getName().equals(name)) {
                return variable;
            }
        }
        throw new AssertionError("no variable " + name + " among "
                + java.util.Arrays.stream(variables).map(Variable::getName).toList());
    }

    static String value(Variable[] variables, String name) {
        for (Variable variable : variables) {
            if (variable.getName().equals(name)) {
                return variable.getValue();
            }
        }
        throw new AssertionError("no variable " + name);
    }

    static void assertLine(int line, StackFrame frame) {
        assertEquals(line, frame.getLine(), frame.getName() + " at " + frame.getSource());
    }
}
