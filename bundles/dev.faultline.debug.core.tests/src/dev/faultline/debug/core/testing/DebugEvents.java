package dev.faultline.debug.core.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.eclipse.debug.core.DebugEvent;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.IDebugEventSetListener;

/** Records the debug events Eclipse fires, so a test can wait for one (a stop, an end) instead of sleeping. */
public final class DebugEvents implements IDebugEventSetListener, AutoCloseable {

    private final List<DebugEvent> seen = new ArrayList<>();
    private final Runnable whileWaiting;

    /** whileWaiting runs between checks (a UI test dispatches its display there); null for none. */
    public DebugEvents(Runnable whileWaiting) {
        this.whileWaiting = whileWaiting;
        DebugPlugin.getDefault().addDebugEventListener(this);
    }

    @Override
    public synchronized void handleDebugEvents(DebugEvent[] events) {
        seen.addAll(List.of(events));
        notifyAll();
    }

    /** Waits for an event that matches and has not been taken yet, and takes it (and everything before it). */
    public DebugEvent await(String what, Predicate<DebugEvent> wanted, long seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            synchronized (this) {
                for (int i = 0; i < seen.size(); i++) {
                    if (wanted.test(seen.get(i))) {
                        DebugEvent event = seen.get(i);
                        seen.subList(0, i + 1).clear();
                        return event;
                    }
                }
                if (whileWaiting == null) {
                    wait(100);
                }
            }
            if (whileWaiting != null) {
                whileWaiting.run();
                Thread.sleep(10);
            }
        }
        throw new AssertionError("no " + what + " within " + seconds + " s; events seen: " + seen);
    }

    /** A suspend event of a thread or target of the given class. */
    public static Predicate<DebugEvent> suspendOf(Class<?> source) {
        return event -> event.getKind() == DebugEvent.SUSPEND && source.isInstance(event.getSource());
    }

    /**
     * The suspend event of the thread the machine stopped in (its detail says why); the other
     * threads, stopped with it, fire theirs without a detail.
     */
    public static Predicate<DebugEvent> stopOf(Class<?> source) {
        return suspendOf(source).and(event -> event.getDetail() != DebugEvent.UNSPECIFIED);
    }

    public static Predicate<DebugEvent> terminateOf(Class<?> source) {
        return event -> event.getKind() == DebugEvent.TERMINATE && source.isInstance(event.getSource());
    }

    @Override
    public void close() {
        DebugPlugin.getDefault().removeDebugEventListener(this);
    }
}
