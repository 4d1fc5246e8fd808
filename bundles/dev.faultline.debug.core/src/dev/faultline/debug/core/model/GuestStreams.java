package dev.faultline.debug.core.model;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.debug.core.IStreamListener;
import org.eclipse.debug.core.model.IStreamMonitor;
import org.eclipse.debug.core.model.IStreamsProxy;

/**
 * The guest's console as Eclipse's console reads it: the adapter's output events, guest output
 * (stdout) on one stream and the kernel's reports and the adapter's messages on the other. The
 * guest has no console input on this machine.
 */
public final class GuestStreams implements IStreamsProxy {

    private final Monitor out = new Monitor();
    private final Monitor err = new Monitor();

    /** Adds text from an output event of the given DAP category. */
    public void append(String category, String text) {
        if (text == null || text.isEmpty()) {
            return;
        }
        ("stdout".equals(category) ? out : err).append(text);
    }

    @Override
    public IStreamMonitor getOutputStreamMonitor() {
        return out;
    }

    @Override
    public IStreamMonitor getErrorStreamMonitor() {
        return err;
    }

    @Override
    public void write(String input) throws IOException {
        throw new IOException("a Faultline guest reads no console input (seL4_DebugPutChar has no counterpart for reading)");
    }

    /** One stream: everything so far, and the listeners that hear each new piece. */
    private static final class Monitor implements IStreamMonitor {

        private final StringBuilder contents = new StringBuilder();
        private final List<IStreamListener> listeners = new CopyOnWriteArrayList<>();

        // Appending and adding a listener exclude each other, so a console that reads the contents
        // and then listens neither misses nor repeats a piece.
        synchronized void append(String text) {
            contents.append(text);
            for (IStreamListener listener : listeners) {
                listener.streamAppended(text, this);
            }
        }

        @Override
        public synchronized void addListener(IStreamListener listener) {
            listeners.add(listener);
        }

        @Override
        public synchronized String getContents() {
            return contents.toString();
        }

        @Override
        public void removeListener(IStreamListener listener) {
            listeners.remove(listener);
        }
    }
}
