package dev.faultline.debug.core.dap;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.SecureRandom;
import java.util.HexFormat;

import dev.faultline.dap.server.MachineHost;
import dev.faultline.dap.server.TcpListener;

/**
 * The adapter inside the Eclipse JVM: a machine host listening on a loopback port of its own,
 * reached through a socket like any other adapter. A socket rather than piped streams because
 * Java's pipes break when a thread that wrote to them ends, and the adapter writes from several.
 * A random token keeps other local programs from taking the machine.
 */
public final class InProcessAdapter implements AdapterTransport {

    private final MachineHost host;
    private final TcpListener listener;
    private final SocketTransport socket;

    private InProcessAdapter(MachineHost host, TcpListener listener, SocketTransport socket) {
        this.host = host;
        this.listener = listener;
        this.socket = socket;
    }

    public static InProcessAdapter start() throws IOException {
        byte[] secret = new byte[16];
        new SecureRandom().nextBytes(secret);
        String token = HexFormat.of().formatHex(secret);
        MachineHost host = new MachineHost(token);
        TcpListener listener = new TcpListener(host, null, 0);
        Thread serving = new Thread(listener::serve, "faultline-adapter-in-process");
        serving.setDaemon(true);
        serving.start();
        try {
            return new InProcessAdapter(host, listener, SocketTransport.connect("127.0.0.1", listener.port(), token));
        } catch (IOException e) {
            listener.close();
            host.close();
            throw e;
        }
    }

    @Override
    public InputStream input() {
        return socket.input();
    }

    @Override
    public OutputStream output() {
        return socket.output();
    }

    @Override
    public String describe() {
        return "adapter in process";
    }

    @Override
    public String token() {
        return socket.token();
    }

    @Override
    public void close() throws IOException {
        // The client's socket first, so that the session ends as a closed connection; then the
        // listener and the machine, whatever failed before them.
        try {
            socket.close();
        } finally {
            try {
                listener.close();
            } finally {
                host.close();
            }
        }
    }
}
