package dev.faultline.kernel.journal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The kernel's event journal: what the kernel did, in order. It keeps the newest events up to
 * a capacity and tells listeners of each as it happens; with neither, the kernel makes no events.
 */
public final class Journal {

    private final List<Consumer<KernelEvent>> listeners = new CopyOnWriteArrayList<>();
    private KernelEvent[] ring;
    private long recorded;

    /** A journal keeping the newest capacity events (0: keeps none). */
    public Journal(int capacity) {
        this.ring = capacity > 0 ? new KernelEvent[capacity] : null;
    }

    /** Whether anyone will see an event: the kernel builds none otherwise. */
    public boolean isOn() {
        return ring != null || !listeners.isEmpty();
    }

    public void record(KernelEvent event) {
        if (ring != null) {
            ring[(int) (recorded % ring.length)] = event;
        }
        recorded++;
        for (Consumer<KernelEvent> listener : listeners) {
            listener.accept(event);
        }
    }

    public void addListener(Consumer<KernelEvent> listener) {
        listeners.add(listener);
    }

    public void removeListener(Consumer<KernelEvent> listener) {
        listeners.remove(listener);
    }

    /** How many events were ever recorded. */
    public long recorded() {
        return recorded;
    }

    /** The events kept, oldest first. */
    public List<KernelEvent> events() {
        List<KernelEvent> events = new ArrayList<>();
        if (ring == null) {
            return events;
        }
        long first = Math.max(0, recorded - ring.length);
        for (long i = first; i < recorded; i++) {
            events.add(ring[(int) (i % ring.length)]);
        }
        return events;
    }

    /** The kept events of one kind, oldest first. */
    public <T extends KernelEvent> List<T> events(Class<T> kind) {
        return events().stream().filter(kind::isInstance).map(kind::cast).toList();
    }
}
