package dev.faultline.debug.core.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.core.resources.IMarkerDelta;
import org.eclipse.debug.core.DebugEvent;
import org.eclipse.debug.core.DebugException;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.model.IBreakpoint;
import org.eclipse.debug.core.model.IDebugTarget;
import org.eclipse.debug.core.model.IMemoryBlock;
import org.eclipse.debug.core.model.IProcess;
import org.eclipse.debug.core.model.IThread;
import org.eclipse.lsp4j.debug.BreakpointEventArguments;
import org.eclipse.lsp4j.debug.ContinuedEventArguments;
import org.eclipse.lsp4j.debug.DisconnectArguments;
import org.eclipse.lsp4j.debug.ExitedEventArguments;
import org.eclipse.lsp4j.debug.InitializeRequestArguments;
import org.eclipse.lsp4j.debug.OutputEventArguments;
import org.eclipse.lsp4j.debug.StoppedEventArguments;
import org.eclipse.lsp4j.debug.TerminatedEventArguments;
import org.eclipse.lsp4j.debug.ThreadEventArguments;

import dev.faultline.debug.core.FaultlineDebugCore;
import dev.faultline.debug.core.breakpoints.BreakpointSync;
import dev.faultline.debug.core.dap.AdapterTransport;
import dev.faultline.debug.core.dap.DapClient;
import dev.faultline.debug.core.dap.DapEvents;

/**
 * One Faultline machine under the debugger, over one DAP connection. All its threads stop and run
 * together (the adapter stops the whole machine), so suspension is the target's state and the
 * threads read it from here. It owns the connection: requests from every element go through it.
 */
public final class FaultlineDebugTarget extends FaultlineDebugElement implements IDebugTarget, DapEvents {

    /** How the session began: a launched machine ends with the session; an attached one lives on. */
    public enum Connection { LAUNCHED, ATTACHED }

    private final ILaunch launch;
    private final FaultlineProcess process;
    private final Connection connection;
    private final DapClient client;
    private final BreakpointSync breakpoints;
    private final KernelState kernel = new KernelState(this);
    private final Map<Integer, FaultlineThread> threads = new LinkedHashMap<>();
    private volatile boolean suspended;
    private volatile boolean terminated;
    private volatile boolean disconnected;
    private volatile StopReason lastStop;

    public FaultlineDebugTarget(ILaunch launch, FaultlineProcess process, AdapterTransport transport, Connection connection,
            List<String> faultFilters) {
        super(null);
        this.launch = launch;
        this.process = process;
        this.connection = connection;
        this.breakpoints = new BreakpointSync(this, faultFilters);
        process.attach(this);
        this.client = DapClient.connect(transport, this);
    }

    @Override
    public IDebugTarget getDebugTarget() {
        return this;
    }

    @Override
    public ILaunch getLaunch() {
        return launch;
    }

    public DapClient client() throws DebugException {
        if (client.isClosed()) {
            throw new DebugException(org.eclipse.core.runtime.Status.error("the Faultline debug session has ended"));
        }
        return client;
    }

    /** The kernel's objects as the adapter last reported them (endpoint queues, thread states). */
    public KernelState kernel() {
        return kernel;
    }

    public BreakpointSync breakpoints() {
        return breakpoints;
    }

    /**
     * Opens the session: initialize, then launch or attach with arguments, then the breakpoints and
     * fault filters, then configurationDone, after which a launched machine runs.
     */
    public void start(Map<String, Object> arguments) throws DebugException {
        InitializeRequestArguments initialize = new InitializeRequestArguments();
        initialize.setClientID("eclipse-faultline");
        initialize.setClientName("Eclipse");
        initialize.setAdapterID("faultline");
        initialize.setLinesStartAt1(true);
        initialize.setColumnsStartAt1(true);
        initialize.setPathFormat("path");
        initialize.setSupportsMemoryReferences(true);
        client.call("initialize", adapter -> adapter.initialize(initialize));
        Map<String, Object> request = new HashMap<>(arguments);
        if (client.transport().token() != null) {
            request.put("token", client.transport().token());
        }
        if (connection == Connection.LAUNCHED) {
            client.call("launch", adapter -> adapter.launch(request));
        } else {
            client.call("attach", adapter -> adapter.attach(request));
        }
        fireCreationEvent();
        breakpoints.installAll();
        client.call("configurationDone", adapter -> adapter.configurationDone(new org.eclipse.lsp4j.debug.ConfigurationDoneArguments()));
        refreshThreads();
    }

    @Override
    public String getName() {
        String where = client.transport().describe();
        return launch.getLaunchConfiguration() == null ? "Faultline machine (" + where + ")"
                : "Faultline machine: " + launch.getLaunchConfiguration().getName() + " (" + where + ")";
    }

    @Override
    public IProcess getProcess() {
        return process;
    }

    @Override
    public synchronized IThread[] getThreads() {
        return threads.values().toArray(IThread[]::new);
    }

    public synchronized FaultlineThread thread(int id) {
        return threads.get(id);
    }

    @Override
    public synchronized boolean hasThreads() {
        return !threads.isEmpty();
    }

    /** Re-reads the thread list (and, while stopped, every thread's seL4 state), keeping thread objects by TCB id. */
    void refreshThreads() throws DebugException {
        org.eclipse.lsp4j.debug.Thread[] listed = client().call("threads", adapter -> adapter.threads()).getThreads();
        List<FaultlineThread> created = new ArrayList<>();
        List<FaultlineThread> gone;
        synchronized (this) {
            Map<Integer, FaultlineThread> next = new LinkedHashMap<>();
            for (org.eclipse.lsp4j.debug.Thread listedThread : listed) {
                FaultlineThread thread = threads.get(listedThread.getId());
                if (thread == null) {
                    thread = new FaultlineThread(this, listedThread.getId());
                    created.add(thread);
                }
                thread.rename(listedThread.getName());
                next.put(listedThread.getId(), thread);
            }
            gone = threads.values().stream().filter(t -> !next.containsKey(t.id())).toList();
            threads.clear();
            threads.putAll(next);
        }
        if (suspended) {
            kernel.refresh();
        }
        created.forEach(FaultlineThread::fireCreationEvent);
        gone.forEach(FaultlineThread::fireTerminateEvent);
    }

    public StopReason lastStop() {
        return lastStop;
    }

    @Override
    public void stopped(StoppedEventArguments event) {
        StopReason stop = new StopReason(event.getThreadId() == null ? -1 : event.getThreadId(), event.getReason(),
                event.getDescription(), event.getHitBreakpointIds());
        lastStop = stop;
        suspended = true;
        try {
            refreshThreads();
        } catch (DebugException e) {
            if (!client.isClosed()) {
                FaultlineDebugCore.log("reading the threads after a stop failed", e);
            }
        }
        FaultlineThread stoppedThread = thread(stop.threadId());
        for (IThread each : getThreads()) {
            if (each != stoppedThread) {
                ((FaultlineThread) each).suspended(DebugEvent.UNSPECIFIED);
            }
        }
        // The stopped thread last, so that the Debug view selects its top frame.
        if (stoppedThread != null) {
            stoppedThread.suspended(stop.eventDetail());
        }
        fireSuspendEvent(stop.eventDetail());
    }

    /** Every thread runs again; detail says why (a resume, a step). */
    void resumed(int detail) {
        suspended = false;
        lastStop = null;
        for (IThread each : getThreads()) {
            ((FaultlineThread) each).resumed(detail);
        }
        fireResumeEvent(detail);
    }

    @Override
    public void continued(ContinuedEventArguments event) {
        if (suspended) {
            resumed(DebugEvent.CLIENT_REQUEST);
        }
    }

    @Override
    public void thread(ThreadEventArguments event) {
        try {
            refreshThreads();
        } catch (DebugException e) {
            if (!client.isClosed()) {
                FaultlineDebugCore.log("reading the threads after a thread event failed", e);
            }
        }
    }

    @Override
    public void output(OutputEventArguments event) {
        process.streams().append(event.getCategory(), event.getOutput());
    }

    @Override
    public void breakpoint(BreakpointEventArguments event) {
        breakpoints.changed(event.getBreakpoint());
    }

    @Override
    public void exited(ExitedEventArguments event) {
        process.exited(event.getExitCode());
    }

    @Override
    public void terminated(TerminatedEventArguments event) {
        ended();
    }

    @Override
    public void connectionClosed() {
        ended();
    }

    /** The session is over, whoever ended it: every element and the process hear it once. */
    private void ended() {
        synchronized (this) {
            if (terminated) {
                return;
            }
            terminated = true;
            suspended = false;
        }
        breakpoints.dispose();
        client.close();
        for (IThread each : getThreads()) {
            ((FaultlineThread) each).fireTerminateEvent();
        }
        fireTerminateEvent();
        process.ended();
    }

    @Override
    public boolean canTerminate() {
        return !terminated;
    }

    @Override
    public boolean isTerminated() {
        return terminated;
    }

    @Override
    public void terminate() throws DebugException {
        disconnect(true);
    }

    @Override
    public boolean canDisconnect() {
        return !terminated && connection == Connection.ATTACHED;
    }

    /** Detaches: the machine runs on for the next client. */
    @Override
    public void disconnect() throws DebugException {
        disconnected = true;
        disconnect(false);
    }

    private void disconnect(boolean terminateMachine) throws DebugException {
        if (terminated) {
            return;
        }
        DisconnectArguments arguments = new DisconnectArguments();
        arguments.setTerminateDebuggee(terminateMachine);
        try {
            client().call("disconnect", adapter -> adapter.disconnect(arguments));
        } finally {
            ended();
        }
    }

    @Override
    public boolean isDisconnected() {
        return disconnected;
    }

    @Override
    public boolean canResume() {
        return suspended && !terminated;
    }

    @Override
    public boolean canSuspend() {
        return !suspended && !terminated;
    }

    @Override
    public boolean isSuspended() {
        return suspended;
    }

    @Override
    public void resume() throws DebugException {
        FaultlineThread any = firstThread();
        int threadId = any == null ? 0 : any.id();
        runControl(DebugEvent.CLIENT_REQUEST, "continue", adapter -> adapter.continue_(continueArguments(threadId)));
    }

    /**
     * Sends a request that lets the machine run. The threads are marked running before it goes,
     * because the adapter's stopped event may follow its response at once; if the adapter refuses,
     * they are stopped again where they were.
     */
    <T> void runControl(int detail, String what,
            java.util.function.Function<dev.faultline.debug.core.dap.FaultlineRemote, java.util.concurrent.CompletableFuture<T>> request)
            throws DebugException {
        DapClient adapter = client();
        StopReason stop = lastStop;
        resumed(detail);
        try {
            adapter.call(what, request);
        } catch (DebugException e) {
            lastStop = stop;
            suspended = true;
            for (IThread each : getThreads()) {
                ((FaultlineThread) each).suspended(DebugEvent.CLIENT_REQUEST);
            }
            throw e;
        }
    }

    private static org.eclipse.lsp4j.debug.ContinueArguments continueArguments(int threadId) {
        org.eclipse.lsp4j.debug.ContinueArguments arguments = new org.eclipse.lsp4j.debug.ContinueArguments();
        arguments.setThreadId(threadId);
        return arguments;
    }

    private synchronized FaultlineThread firstThread() {
        return threads.values().stream().findFirst().orElse(null);
    }

    @Override
    public void suspend() throws DebugException {
        client().call("pause", adapter -> adapter.pause(new org.eclipse.lsp4j.debug.PauseArguments()));
    }

    @Override
    public boolean supportsBreakpoint(IBreakpoint breakpoint) {
        return FaultlineDebugCore.MODEL_ID.equals(breakpoint.getModelIdentifier());
    }

    @Override
    public void breakpointAdded(IBreakpoint breakpoint) {
        breakpoints.added(breakpoint);
    }

    @Override
    public void breakpointRemoved(IBreakpoint breakpoint, IMarkerDelta delta) {
        breakpoints.removed(breakpoint);
    }

    @Override
    public void breakpointChanged(IBreakpoint breakpoint, IMarkerDelta delta) {
        breakpoints.added(breakpoint);
    }

    @Override
    public boolean supportsStorageRetrieval() {
        return false;
    }

    @Override
    public IMemoryBlock getMemoryBlock(long startAddress, long length) throws DebugException {
        throw new DebugException(org.eclipse.core.runtime.Status.error("memory blocks are not offered by this target"));
    }
}
