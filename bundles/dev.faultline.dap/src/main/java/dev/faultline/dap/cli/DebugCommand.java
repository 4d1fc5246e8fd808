package dev.faultline.dap.cli;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

import dev.faultline.dap.server.DapConnection;
import dev.faultline.dap.server.MachineHost;
import dev.faultline.dap.server.TcpListener;
import dev.faultline.dap.session.SessionException;

/**
 * `faultline debug`: the debug adapter over stdio (one client, which launches the program), or
 * listening on TCP with --listen, where the named program boots and runs at once and clients
 * attach to it one at a time (with --token, only those that present the token).
 */
final class DebugCommand {

    static final String USAGE = "usage: faultline debug [--listen [HOST:]PORT] [--token TOKEN] [PROGRAM-OR-SYSTEM]";

    private DebugCommand() {
    }

    static int run(List<String> args, PrintStream err) {
        String listen = null;
        String token = null;
        String program = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if ((arg.equals("--listen") || arg.equals("--token")) && i + 1 == args.size()) {
                return usage(err, arg + " needs a value");
            }
            switch (arg) {
                case "--listen" -> listen = args.get(++i);
                case "--token" -> token = args.get(++i);
                default -> {
                    if (arg.startsWith("-") || program != null) {
                        return usage(err, "unexpected argument '" + arg + "'");
                    }
                    program = arg;
                }
            }
        }
        try (MachineHost host = new MachineHost(token)) {
            return listen == null ? stdio(host, program, err) : listen(host, listen, program, err);
        }
    }

    /** Over stdio nothing but the protocol may reach stdout: everything else printed goes to stderr. */
    private static int stdio(MachineHost host, String program, PrintStream err) {
        if (program != null) {
            host.setDefaultProgram(Path.of(program));
        }
        System.setOut(err);
        new DapConnection(host, new FileInputStream(FileDescriptor.in), new FileOutputStream(FileDescriptor.out)).serve();
        return 0;
    }

    private static int listen(MachineHost host, String address, String program, PrintStream err) {
        int colon = address.lastIndexOf(':');
        String bindHost = colon < 0 ? null : address.substring(0, colon);
        int port;
        try {
            port = Integer.parseInt(address.substring(colon + 1));
        } catch (NumberFormatException e) {
            return usage(err, "--listen takes [HOST:]PORT, not '" + address + "'");
        }
        if (port < 0 || port > 65535) {
            return usage(err, "port " + port + " is out of range");
        }
        try (TcpListener listener = new TcpListener(host, bindHost, port)) {
            if (program != null) {
                host.bootAndRun(Path.of(program));
            }
            err.println("faultline: debug adapter listening on " + (bindHost == null ? "127.0.0.1" : bindHost) + ":"
                    + listener.port());
            listener.serve();
            return 0;
        } catch (SessionException e) {
            err.println("faultline: " + e.getMessage());
            return 2;
        } catch (IOException e) {
            err.println("faultline: cannot listen on " + address + ": " + e.getMessage());
            return 2;
        }
    }

    private static int usage(PrintStream err, String problem) {
        err.println("faultline debug: " + problem);
        err.println(USAGE);
        return Main.EXIT_USAGE;
    }
}
