package dev.faultline.debug.core.dap;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;

/** A TCP connection to an adapter listening as `faultline debug --listen` does. */
public final class SocketTransport implements AdapterTransport {

    private static final int CONNECT_TIMEOUT_MILLIS = 5_000;

    private final Socket socket;
    private final String where;
    private final String token;

    private SocketTransport(Socket socket, String where, String token) {
        this.socket = socket;
        this.where = where;
        this.token = token;
    }

    /** Connects to host:port; a refused or unreachable address fails with the address in the message. */
    public static SocketTransport connect(String host, int port, String token) throws IOException {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MILLIS);
        } catch (IOException e) {
            socket.close();
            throw new IOException("cannot connect to a Faultline debug adapter at " + host + ":" + port + ": "
                    + e.getMessage() + " (is `faultline debug --listen " + port + "` running?)", e);
        }
        return new SocketTransport(socket, host + ":" + port, token == null || token.isEmpty() ? null : token);
    }

    @Override
    public InputStream input() {
        try {
            return socket.getInputStream();
        } catch (IOException e) {
            throw new IllegalStateException("the socket to " + where + " is closed", e);
        }
    }

    @Override
    public OutputStream output() {
        try {
            return socket.getOutputStream();
        } catch (IOException e) {
            throw new IllegalStateException("the socket to " + where + " is closed", e);
        }
    }

    @Override
    public String describe() {
        return "attached to " + where;
    }

    @Override
    public String token() {
        return token;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
