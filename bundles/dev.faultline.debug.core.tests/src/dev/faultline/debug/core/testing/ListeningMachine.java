package dev.faultline.debug.core.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.faultline.debug.core.dap.AdapterProcess;

/**
 * `faultline debug --listen 0 [--token T] PROGRAM` in a process of its own, as a user starts it:
 * the same main class the launcher script runs, on the installed bundles' jars.
 */
public final class ListeningMachine implements AutoCloseable {

    private static final Pattern LISTENING = Pattern.compile("listening on ([^:]+):(\\d+)");

    private final Process process;
    private final String host;
    private final int port;

    private ListeningMachine(Process process, String host, int port) {
        this.process = process;
        this.host = host;
        this.port = port;
    }

    public static ListeningMachine start(Path program, String token) throws IOException {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow(), "-cp",
                AdapterProcess.classPath(), "dev.faultline.dap.cli.Main", "debug", "--listen", "0"));
        if (token != null) {
            command.addAll(List.of("--token", token));
        }
        command.add(program.toString());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        for (String line; (line = output.readLine()) != null;) {
            seen.append(line).append('\n');
            Matcher matcher = LISTENING.matcher(line);
            if (matcher.find()) {
                drain(output);
                return new ListeningMachine(process, matcher.group(1), Integer.parseInt(matcher.group(2)));
            }
        }
        throw new IOException("faultline debug --listen ended without listening:\n" + seen);
    }

    /** Keeps reading the guest's console so the process never blocks on a full pipe. */
    private static void drain(BufferedReader output) {
        Thread thread = new Thread(() -> {
            try {
                while (output.readLine() != null) {
                    // the guest's console; the test reads the machine over DAP
                }
            } catch (IOException e) {
                // the process ended
            }
        }, "listening-machine-output");
        thread.setDaemon(true);
        thread.start();
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        process.destroy();
    }
}
