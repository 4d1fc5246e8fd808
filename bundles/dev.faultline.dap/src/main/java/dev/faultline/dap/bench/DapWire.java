package dev.faultline.dap.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * A DAP client reduced to the wire, for timing the adapter as a client sees it: requests as JSON
 * frames over a loopback socket, responses and events read back in order on the caller's thread.
 */
final class DapWire implements AutoCloseable {

    private static final long TIMEOUT_SECONDS = 120;

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final List<JsonObject> unclaimed = new ArrayList<>();
    private int seq;

    DapWire(int port) throws IOException {
        socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setTcpNoDelay(true);
        socket.setSoTimeout((int) TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS));
        in = new BufferedInputStream(socket.getInputStream());
        out = socket.getOutputStream();
    }

    /** Sends a request; answers its seq. */
    int send(String command, JsonObject arguments) throws IOException {
        JsonObject request = new JsonObject();
        request.addProperty("seq", ++seq);
        request.addProperty("type", "request");
        request.addProperty("command", command);
        if (arguments != null) {
            request.add("arguments", arguments);
        }
        byte[] body = request.toString().getBytes(StandardCharsets.UTF_8);
        out.write(("Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
        return seq;
    }

    /** The response to request seq; a failed one is an error naming the adapter's message. */
    JsonObject response(int requestSeq) throws IOException {
        JsonObject response = take(m -> "response".equals(type(m)) && m.get("request_seq").getAsInt() == requestSeq);
        if (!response.get("success").getAsBoolean()) {
            throw new IOException("the adapter refused " + response.get("command").getAsString() + ": " + response);
        }
        return response;
    }

    /** Sends a request and waits for its response. */
    JsonObject call(String command, JsonObject arguments) throws IOException {
        return response(send(command, arguments));
    }

    /** The next event called name (earlier events of other names stay for later). */
    JsonObject event(String name) throws IOException {
        return take(m -> "event".equals(type(m)) && name.equals(m.get("event").getAsString()));
    }

    /** Drops the events received so far, so that a later wait sees only new ones. */
    void forgetEvents() {
        unclaimed.removeIf(m -> "event".equals(type(m)));
    }

    private static String type(JsonObject message) {
        return message.get("type").getAsString();
    }

    private JsonObject take(java.util.function.Predicate<JsonObject> wanted) throws IOException {
        for (Iterator<JsonObject> it = unclaimed.iterator(); it.hasNext();) {
            JsonObject message = it.next();
            if (wanted.test(message)) {
                it.remove();
                return message;
            }
        }
        while (true) {
            JsonObject message = read();
            if (wanted.test(message)) {
                return message;
            }
            unclaimed.add(message);
        }
    }

    private JsonObject read() throws IOException {
        int length = -1;
        StringBuilder line = new StringBuilder();
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("the adapter closed the connection");
            }
            if (b != '\n') {
                line.append((char) b);
                continue;
            }
            String header = line.toString().trim();
            line.setLength(0);
            if (header.isEmpty()) {
                break;
            }
            if (header.startsWith("Content-Length:")) {
                length = Integer.parseInt(header.substring("Content-Length:".length()).trim());
            }
        }
        if (length < 0) {
            throw new IOException("a frame without Content-Length");
        }
        byte[] body = in.readNBytes(length);
        JsonElement json = JsonParser.parseString(new String(body, StandardCharsets.UTF_8));
        return json.getAsJsonObject();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
