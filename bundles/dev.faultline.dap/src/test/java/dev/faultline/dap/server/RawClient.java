package dev.faultline.dap.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * A DAP client that writes and reads the raw frames (Content-Length header, JSON body), to send
 * what no typed client would (unknown commands, broken JSON) and to see messages in wire order.
 */
final class RawClient {

    private final OutputStream out;
    private final BlockingQueue<JsonObject> received = new LinkedBlockingQueue<>();
    private final List<JsonObject> seen = new ArrayList<>();
    /** The messages already answered to a wait, which later waits skip. */
    private final java.util.Set<JsonObject> taken = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    private int seq = 1;

    RawClient(InputStream in, OutputStream out) {
        this.out = out;
        Thread reader = new Thread(() -> read(in), "raw-dap-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /** Sends a request and answers its seq. */
    int request(String command, String arguments) {
        int id = seq++;
        send("{\"seq\":" + id + ",\"type\":\"request\",\"command\":\"" + command + "\""
                + (arguments == null ? "" : ",\"arguments\":" + arguments) + "}");
        return id;
    }

    /** Sends a frame with any body at all. */
    void send(String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        try {
            out.write(("Content-Length: " + bytes.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(bytes);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The response to request seq; everything received before it stays in {@link #seen} for later waits. */
    JsonObject response(int requestSeq) {
        return next(message -> message.get("type").getAsString().equals("response")
                && message.get("request_seq").getAsInt() == requestSeq, "the response to request " + requestSeq);
    }

    JsonObject event(String name) {
        return next(message -> message.get("type").getAsString().equals("event")
                && message.get("event").getAsString().equals(name), "a '" + name + "' event");
    }

    /** Every message received so far, in the order of the wire. */
    List<JsonObject> seen() {
        return seen;
    }

    private JsonObject next(java.util.function.Predicate<JsonObject> wanted, String what) {
        long deadline = System.nanoTime() + TestClient.TIMEOUT.toNanos();
        for (JsonObject message : seen) {
            if (!taken.contains(message) && wanted.test(message)) {
                taken.add(message);
                return message;
            }
        }
        while (true) {
            JsonObject message;
            try {
                message = received.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
            if (message == null) {
                throw new AssertionError("no " + what + " in " + TestClient.TIMEOUT + "; seen: " + seen);
            }
            seen.add(message);
            if (wanted.test(message)) {
                taken.add(message);
                return message;
            }
        }
    }

    private void read(InputStream in) {
        try {
            while (true) {
                int length = -1;
                String line;
                while (!(line = readLine(in)).isEmpty()) {
                    if (line.toLowerCase().startsWith("content-length:")) {
                        length = Integer.parseInt(line.substring(15).trim());
                    }
                }
                byte[] body = in.readNBytes(length);
                if (body.length < length) {
                    return;
                }
                received.add(JsonParser.parseString(new String(body, StandardCharsets.UTF_8)).getAsJsonObject());
            }
        } catch (IOException | RuntimeException e) {
            // The stream closed: the test sees no further messages.
        }
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != '\n') {
            if (b < 0) {
                throw new IOException("end of stream");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.US_ASCII);
    }
}
