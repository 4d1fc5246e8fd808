package dev.faultline.dap.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Consumer;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import dev.faultline.dap.server.MachineHost;
import dev.faultline.dap.server.TcpListener;
import dev.faultline.emulator.bench.Figure;

/**
 * The debug adapter's benchmarks, as a client on loopback TCP sees them, on a machine of 100
 * threads and 10,000 endpoints (examples/bench/dap-machine.c): the stop bundle (threads,
 * stackTrace, scopes, variables), faultline/endpoints, conditional-breakpoint evaluations per
 * second with a false condition, and the round trip of a step (request to stopped event).
 */
public final class DapBenchmark {

    /** As dap-machine.c calls tick: TICKS times in each of ROUNDS rounds; the first REGISTER_ROUNDS time a register condition. */
    private static final long TICKS = 1_000_000;
    private static final int ROUNDS = 7;
    private static final int REGISTER_ROUNDS = 5;
    private static final int BUNDLES = 100;
    private static final int ENDPOINT_QUERIES = 30;
    private static final int STEPS = 2_000;

    private final Path guest;

    public DapBenchmark(Path guest) {
        this.guest = guest;
    }

    public void run(Consumer<Figure> out) throws IOException {
        try (MachineHost host = new MachineHost(null); TcpListener listener = new TcpListener(host, "127.0.0.1", 0)) {
            Thread serving = new Thread(listener::serve, "faultline-bench-dap");
            serving.setDaemon(true);
            serving.start();
            try (DapWire wire = new DapWire(listener.port())) {
                wire.call("initialize", object("adapterID", "faultline"));
                wire.call("launch", object("program", guest.toString()));
                wire.call("setFunctionBreakpoints", breakpoints(function("ready", null)));
                wire.call("configurationDone", null);
                int thread = threadOf(wire.event("stopped"));
                stopBundle(wire, thread, out);
                endpoints(wire, out);
                conditions(wire, thread, out);
                steps(wire, thread, out);
                wire.call("terminate", null);
                // Closing before the adapter's last events would leave it writing to a closed socket.
                wire.event("terminated");
            }
        }
    }

    private static void stopBundle(DapWire wire, int thread, Consumer<Figure> out) throws IOException {
        double[] millis = new double[BUNDLES];
        int threads = 0;
        for (int i = 0; i < BUNDLES; i++) {
            long start = System.nanoTime();
            threads = wire.call("threads", null).getAsJsonObject("body").getAsJsonArray("threads").size();
            JsonObject stack = object("threadId", thread);
            JsonArray frames = wire.call("stackTrace", stack).getAsJsonObject("body").getAsJsonArray("stackFrames");
            JsonObject scopes = wire.call("scopes", object("frameId", frames.get(0).getAsJsonObject().get("id").getAsInt()))
                    .getAsJsonObject("body");
            int registers = scopes.getAsJsonArray("scopes").get(0).getAsJsonObject().get("variablesReference").getAsInt();
            wire.call("variables", object("variablesReference", registers));
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        if (threads < 100) {
            throw new IOException("the benchmark machine shows " + threads + " threads, expected at least 100");
        }
        out.accept(new Figure("dap.stop-bundle.threads", threads, "threads"));
        out.accept(new Figure("dap.stop-bundle.median", percentile(millis, 50), "ms"));
    }

    private static void endpoints(DapWire wire, Consumer<Figure> out) throws IOException {
        double[] millis = new double[ENDPOINT_QUERIES];
        int endpoints = 0;
        for (int i = 0; i < ENDPOINT_QUERIES; i++) {
            long start = System.nanoTime();
            endpoints = wire.call("faultline/endpoints", new JsonObject()).getAsJsonObject("body")
                    .getAsJsonArray("endpoints").size();
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        if (endpoints < 10_000) {
            throw new IOException("the benchmark machine shows " + endpoints + " endpoints, expected 10,000");
        }
        out.accept(new Figure("dap.endpoints.count", endpoints, "endpoints"));
        out.accept(new Figure("dap.endpoints.median", percentile(millis, 50), "ms"));
    }

    /**
     * Runs rounds of ticks with a breakpoint on tick whose condition is false, each to
     * round_done's breakpoint: first over a register (the figure), then over tick's parameter,
     * which the condition reads by its DWARF location (`...local-variable`). The first round of
     * each pays for the JIT compiling the check (the register's is printed on its own); a figure
     * is the best of the rounds after it, as the kernel's figures are.
     */
    private static void conditions(DapWire wire, int thread, Consumer<Figure> out) throws IOException {
        double[] register = rounds(wire, thread, "a0 == 0x7fffffffffffffff", REGISTER_ROUNDS);
        out.accept(new Figure("dap.condition-evaluations", best(register), "per second"));
        out.accept(new Figure("dap.condition-evaluations.first-round", register[0], "per second"));
        double[] local = rounds(wire, thread, "i == 0x7fffffffffffffff", ROUNDS - REGISTER_ROUNDS);
        out.accept(new Figure("dap.condition-evaluations.local-variable", best(local), "per second"));
        wire.call("setFunctionBreakpoints", breakpoints(function("spin", null)));
        wire.forgetEvents();
        wire.call("continue", object("threadId", thread));
        wire.event("stopped");
    }

    /** Evaluations per second in each of count rounds of ticks with condition on tick. */
    private static double[] rounds(DapWire wire, int thread, String condition, int count) throws IOException {
        wire.call("setFunctionBreakpoints", breakpoints(function("tick", condition), function("round_done", null)));
        double[] rates = new double[count];
        for (int round = 0; round < count; round++) {
            wire.forgetEvents();
            long start = System.nanoTime();
            wire.call("continue", object("threadId", thread));
            JsonObject stopped = wire.event("stopped");
            rates[round] = TICKS / ((System.nanoTime() - start) / 1e9);
            String counter = wire.call("evaluate", object("expression", "counter")).getAsJsonObject("body")
                    .get("result").getAsString();
            if (Long.decode(counter.split(" ")[0]) != TICKS - 1 || threadOf(stopped) != thread) {
                throw new IOException("a round of the conditional breakpoint run (" + condition + ") ended at counter "
                        + counter + ", expected " + (TICKS - 1));
            }
        }
        return rates;
    }

    /** The best of the rounds after the first. */
    private static double best(double[] rates) {
        return Arrays.stream(rates).skip(1).max().orElse(rates[0]);
    }

    private static void steps(DapWire wire, int thread, Consumer<Figure> out) throws IOException {
        wire.call("setFunctionBreakpoints", breakpoints());
        double[] millis = new double[STEPS];
        for (int i = 0; i < STEPS; i++) {
            wire.forgetEvents();
            long start = System.nanoTime();
            wire.call("next", object("threadId", thread));
            wire.event("stopped");
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        out.accept(new Figure("dap.step.median", percentile(millis, 50), "ms"));
        out.accept(new Figure("dap.step.p99", percentile(millis, 99), "ms"));
    }

    private static double percentile(double[] values, int percent) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(percent / 100.0 * sorted.length) - 1)];
    }

    private static int threadOf(JsonObject stopped) {
        return stopped.getAsJsonObject("body").get("threadId").getAsInt();
    }

    private static JsonObject object(String key, Object value) {
        JsonObject object = new JsonObject();
        if (value instanceof Number number) {
            object.addProperty(key, number);
        } else {
            object.addProperty(key, String.valueOf(value));
        }
        return object;
    }

    private static JsonObject function(String name, String condition) {
        JsonObject breakpoint = object("name", name);
        if (condition != null) {
            breakpoint.addProperty("condition", condition);
        }
        return breakpoint;
    }

    private static JsonObject breakpoints(JsonObject... functions) {
        JsonArray list = new JsonArray();
        for (JsonObject function : functions) {
            list.add(function);
        }
        JsonObject arguments = new JsonObject();
        arguments.add("breakpoints", list);
        return arguments;
    }
}
