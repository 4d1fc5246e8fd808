package dev.faultline.dap.server;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * The adapter listening on TCP for clients to attach, one connection at a time served on its own
 * thread (a second client while one controls the machine is refused by initialize). Bound to the
 * loopback interface unless a host is named.
 */
public final class TcpListener implements AutoCloseable {

    private final MachineHost host;
    private final ServerSocket socket;

    public TcpListener(MachineHost host, String bindHost, int port) throws IOException {
        this.host = host;
        InetAddress address = bindHost == null ? InetAddress.getLoopbackAddress() : InetAddress.getByName(bindHost);
        this.socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(address, port));
    }

    /** The port bound (useful when 0 asked for any free one). */
    public int port() {
        return socket.getLocalPort();
    }

    /** Accepts clients until closed. */
    public void serve() {
        while (!socket.isClosed()) {
            Socket client;
            try {
                client = socket.accept();
            } catch (IOException e) {
                return;
            }
            Thread thread = new Thread(() -> serve(client), "faultline-dap-client-" + client.getPort());
            thread.setDaemon(true);
            thread.start();
        }
    }

    private void serve(Socket client) {
        try (client) {
            client.setTcpNoDelay(true);
            new DapConnection(host, client.getInputStream(), client.getOutputStream()).serve();
        } catch (IOException e) {
            // The client went away while connecting: nothing to clean up beyond the socket.
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
