package dev.faultline.debug.core.model;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.debug.core.DebugException;
import org.eclipse.debug.core.model.IThread;

import dev.faultline.debug.core.dap.Json;

/**
 * What the kernel said at the last stop about its threads, from Faultline's own requests: each
 * TCB's seL4 state (faultline/trapframe) and the endpoint or notification it is queued on
 * (faultline/endpoints). Thread labels read it; the views ask the adapter themselves.
 */
public final class KernelState {

    private final FaultlineDebugTarget target;
    private Map<Integer, String> states = Map.of();
    private Map<Integer, String> queuedOn = Map.of();
    private Map<String, Object> endpoints = Map.of();

    KernelState(FaultlineDebugTarget target) {
        this.target = target;
    }

    /** Asks the adapter again; called at every stop. */
    void refresh() throws DebugException {
        Map<Integer, String> nextStates = new HashMap<>();
        for (IThread thread : target.getThreads()) {
            int id = ((FaultlineThread) thread).id();
            Map<String, Object> frame = target.client().call("faultline/trapframe", adapter -> adapter.trapframe(Map.of("threadId", id)));
            nextStates.put(id, Json.string(frame, "state"));
        }
        Map<String, Object> objects = target.client().call("faultline/endpoints", adapter -> adapter.endpoints(Map.of()));
        Map<Integer, String> nextQueued = new HashMap<>();
        queue(nextQueued, Json.objects(objects, "endpoints"), "endpoint ");
        queue(nextQueued, Json.objects(objects, "notifications"), "notification ");
        synchronized (this) {
            states = nextStates;
            queuedOn = nextQueued;
            endpoints = objects;
        }
    }

    private static void queue(Map<Integer, String> into, List<Map<String, Object>> objects, String kind) {
        for (Map<String, Object> object : objects) {
            for (Map<String, Object> waiter : Json.objects(object, "queue")) {
                into.put((int) Json.number(waiter, "threadId"), kind + Json.string(object, "id"));
            }
        }
    }

    /** The thread's seL4 state at the last stop, with what it waits on: "blocked on send, endpoint 12". */
    public synchronized String describe(int threadId) {
        String state = states.get(threadId);
        if (state == null || state.isEmpty()) {
            return null;
        }
        String on = queuedOn.get(threadId);
        return on == null ? state : state + ", " + on;
    }

    /** The last faultline/endpoints answer. */
    public synchronized Map<String, Object> endpoints() {
        return endpoints;
    }
}
