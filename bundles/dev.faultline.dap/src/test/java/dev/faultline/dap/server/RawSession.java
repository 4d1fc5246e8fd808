package dev.faultline.dap.server;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;

/** An adapter on a loopback port with one raw client connected to it; closing ends all three. */
final class RawSession implements AutoCloseable {

    final MachineHost host = new MachineHost(null);
    private final TcpListener listener;
    private final Socket socket;
    final RawClient raw;

    RawSession() throws IOException {
        listener = new TcpListener(host, null, 0);
        Thread serving = new Thread(listener::serve, "test-listener");
        serving.setDaemon(true);
        serving.start();
        socket = new Socket(InetAddress.getLoopbackAddress(), listener.port());
        raw = new RawClient(socket.getInputStream(), socket.getOutputStream());
    }

    @Override
    public void close() throws IOException {
        socket.close();
        listener.close();
        host.close();
    }
}
