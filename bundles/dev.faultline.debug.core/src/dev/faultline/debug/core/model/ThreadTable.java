package dev.faultline.debug.core.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.debug.core.DebugException;

/**
 * The target's threads, one per live TCB in the adapter's order, kept as the same objects from
 * stop to stop so that the Debug view keeps its selection and expansion.
 */
final class ThreadTable {

    /** What a refresh changed: threads the Debug view must add and remove. */
    record Changes(List<FaultlineThread> created, List<FaultlineThread> gone) {
    }

    private final FaultlineDebugTarget target;
    private final Map<Integer, FaultlineThread> threads = new LinkedHashMap<>();

    ThreadTable(FaultlineDebugTarget target) {
        this.target = target;
    }

    synchronized FaultlineThread[] all() {
        return threads.values().toArray(FaultlineThread[]::new);
    }

    synchronized FaultlineThread get(int id) {
        return threads.get(id);
    }

    synchronized boolean isEmpty() {
        return threads.isEmpty();
    }

    synchronized FaultlineThread first() {
        return threads.values().stream().findFirst().orElse(null);
    }

    /** Re-reads the list from the adapter's threads request. */
    Changes refresh() throws DebugException {
        org.eclipse.lsp4j.debug.Thread[] listed = target.client().call("threads", adapter -> adapter.threads()).getThreads();
        List<FaultlineThread> created = new ArrayList<>();
        synchronized (this) {
            Map<Integer, FaultlineThread> next = new LinkedHashMap<>();
            for (org.eclipse.lsp4j.debug.Thread listedThread : listed) {
                FaultlineThread thread = threads.get(listedThread.getId());
                if (thread == null) {
                    thread = new FaultlineThread(target, listedThread.getId());
                    created.add(thread);
                }
                thread.rename(listedThread.getName());
                next.put(listedThread.getId(), thread);
            }
            List<FaultlineThread> gone = threads.values().stream().filter(t -> !next.containsKey(t.id())).toList();
            threads.clear();
            threads.putAll(next);
            return new Changes(created, gone);
        }
    }
}
