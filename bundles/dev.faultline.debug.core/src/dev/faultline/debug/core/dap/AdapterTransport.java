package dev.faultline.debug.core.dap;

import java.io.Closeable;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * The two streams a DAP client talks over and what ends them: a socket to an adapter in this JVM
 * or elsewhere, or the stdio of an adapter process.
 */
public interface AdapterTransport extends Closeable {

    /** What the adapter sends. */
    InputStream input();

    /** What the client sends. */
    OutputStream output();

    /** One line saying where the adapter runs, for the debug target's label. */
    String describe();

    /** The token the adapter wants in launch and attach, or null. */
    String token();
}
