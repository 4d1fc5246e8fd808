package dev.faultline.debug.core.model;

import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import org.eclipse.debug.core.DebugEvent;
import org.eclipse.debug.core.DebugException;
import org.eclipse.lsp4j.debug.ContinueArguments;
import org.eclipse.lsp4j.debug.PauseArguments;

import dev.faultline.debug.core.FaultlineDebugCore;
import dev.faultline.debug.core.dap.DapClient;
import dev.faultline.debug.core.dap.FaultlineRemote;

/**
 * Whether the machine runs or stands, and why it stopped. All threads stop and run together,
 * so this is the target's; the transitions fire the debug events the Debug view follows.
 */
final class RunState {

    private final FaultlineDebugTarget target;
    private volatile boolean suspended;
    private volatile StopReason lastStop;

    RunState(FaultlineDebugTarget target) {
        this.target = target;
    }

    boolean isSuspended() {
        return suspended;
    }

    StopReason lastStop() {
        return lastStop;
    }

    /** The machine stopped: every thread is suspended. */
    void stoppedAt(StopReason stop) {
        lastStop = stop;
        suspended = true;
        try {
            target.refreshThreads();
        } catch (DebugException e) {
            if (!target.isTerminated()) {
                FaultlineDebugCore.log("reading the threads after a stop failed", e);
            }
        }
        // Only the thread that stopped fires a suspend event, which the Debug view answers by
        // selecting its top frame; the others stopped with it, and a change event redraws them.
        FaultlineThread stoppedThread = target.thread(stop.threadId());
        for (FaultlineThread each : target.threads()) {
            if (each != stoppedThread) {
                each.stoppedWithOthers();
            }
        }
        if (stoppedThread != null) {
            stoppedThread.suspended(stop.eventDetail());
        }
        target.announce(DebugEvent.SUSPEND, stop.eventDetail());
    }

    /** Every thread runs again; detail says why (a resume, a step). */
    void resumed(int detail) {
        suspended = false;
        lastStop = null;
        for (FaultlineThread each : target.threads()) {
            each.resumed(detail);
        }
        target.announce(DebugEvent.RESUME, detail);
    }

    /** The adapter says the machine runs (a run this client did not ask for). */
    void continuedByAdapter() {
        if (suspended) {
            resumed(DebugEvent.CLIENT_REQUEST);
        }
    }

    /** The session ended: nothing stands any more. */
    void ended() {
        suspended = false;
    }

    /** Lets the whole machine run on (continue names a thread, any one: all of them run). */
    void resumeAll(FaultlineThread any) throws DebugException {
        ContinueArguments arguments = new ContinueArguments();
        arguments.setThreadId(any == null ? 0 : any.id());
        run(DebugEvent.CLIENT_REQUEST, "continue", adapter -> adapter.continue_(arguments));
    }

    /** Asks the adapter to stop the machine; its stopped event says when it has. */
    void pause() throws DebugException {
        target.client().call("pause", adapter -> adapter.pause(new PauseArguments()));
    }

    /**
     * Sends a request that lets the machine run. The threads are marked running before it goes,
     * because the adapter's stopped event may follow its response at once; if the adapter refuses,
     * they are stopped again where they were.
     */
    <T> void run(int detail, String what, Function<FaultlineRemote, CompletableFuture<T>> request) throws DebugException {
        DapClient adapter = target.client();
        StopReason stop = lastStop;
        resumed(detail);
        try {
            adapter.call(what, request);
        } catch (DebugException e) {
            lastStop = stop;
            suspended = true;
            for (FaultlineThread each : target.threads()) {
                each.suspended(DebugEvent.CLIENT_REQUEST);
            }
            throw e;
        }
    }
}
