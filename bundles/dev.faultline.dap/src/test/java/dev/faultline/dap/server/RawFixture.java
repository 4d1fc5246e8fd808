package dev.faultline.dap.server;

import java.io.IOException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** An adapter on a loopback port with a raw client connected, for tests that look at the wire itself. */
abstract class RawFixture {

    protected RawSession session;
    protected RawClient raw;

    @BeforeEach
    void connect() throws IOException {
        session = new RawSession();
        raw = session.raw;
    }

    @AfterEach
    void close() throws IOException {
        session.close();
    }

    /** Where message stands in the wire order of what the client has seen. */
    protected int index(com.google.gson.JsonObject message) {
        return raw.seen().indexOf(message);
    }
}
