package dev.faultline.debug.core.model;

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

import dev.faultline.debug.core.FaultlineDebugCore;
import dev.faultline.debug.core.breakpoints.BreakpointSync;
import dev.faultline.debug.core.dap.AdapterTransport;
import dev.faultline.debug.core.dap.DapClient;

/**
 * One Faultline machine under the debugger, over one DAP connection. All its threads stop and run
 * together (the adapter stops the whole machine), so suspension is the target's state and the
 * threads read it from here. It owns the connection: requests from every element go through it.
 */
public final class FaultlineDebugTarget extends FaultlineDebugElement implements IDebugTarget {

    /** How the session began: a launched machine ends with the session; an attached one lives on. */
    public enum Connection { LAUNCHED, ATTACHED }

    private final ILaunch launch;
    private final FaultlineProcess process;
    private final Connection connection;
    private final DapClient client;
    private final BreakpointSync breakpoints;
    private final KernelState kernel = new KernelState(this);
    private final ThreadTable threads = new ThreadTable(this);
    private final RunState run = new RunState(this);
    private final SessionEnd end;
    private volatile boolean instructionStepping;

    public FaultlineDebugTarget(ILaunch launch, FaultlineProcess process, AdapterTransport transport, Connection connection,
            List<String> faultFilters) {
        super(null);
        this.launch = launch;
        this.process = process;
        this.connection = connection;
        this.breakpoints = new BreakpointSync(this, faultFilters);
        process.attach(this);
        this.client = DapClient.connect(transport, new SessionEvents(this));
        this.end = new SessionEnd(this, client);
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

    /** Opens the session (launch or attach with arguments); a launched machine then runs. */
    public void start(Map<String, Object> arguments) throws DebugException {
        SessionOpening.open(this, client, connection, arguments);
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
    public IThread[] getThreads() {
        return threads.all();
    }

    public FaultlineThread thread(int id) {
        return threads.get(id);
    }

    @Override
    public boolean hasThreads() {
        return !threads.isEmpty();
    }

    /**
     * Re-reads the thread list (and, while stopped, every thread's seL4 state). One refresh at a
     * time, its creation events fired before another can begin: the Debug view must hear of a
     * thread before it hears that the thread stopped.
     */
    synchronized void refreshThreads() throws DebugException {
        ThreadTable.Changes changes = threads.refresh();
        if (run.isSuspended()) {
            kernel.refresh();
        }
        changes.created().forEach(FaultlineThread::fireCreationEvent);
        changes.gone().forEach(FaultlineThread::fireTerminateEvent);
    }

    /** While on, steps move by one instruction instead of one source line (the Debug view's toggle). */
    public void setInstructionStepping(boolean on) {
        instructionStepping = on;
    }

    public boolean isInstructionStepping() {
        return instructionStepping;
    }

    public StopReason lastStop() {
        return run.lastStop();
    }

    /** How the adapter's stops and this client's run requests change the machine's state. */
    RunState runState() {
        return run;
    }

    /** The threads as Faultline threads. */
    FaultlineThread[] threads() {
        return threads.all();
    }

    /** Fires a target event of kind (suspend, resume) with detail. */
    void announce(int kind, int detail) {
        fireEvent(new DebugEvent(this, kind, detail));
    }

    /** The session is over, whoever ended it: every element and the process hear it once. */
    void ended() {
        end.ended();
    }

    @Override
    public boolean canTerminate() {
        return !end.isOver();
    }

    @Override
    public boolean isTerminated() {
        return end.isOver();
    }

    @Override
    public void terminate() throws DebugException {
        end.terminate();
    }

    @Override
    public boolean canDisconnect() {
        return !end.isOver() && connection == Connection.ATTACHED;
    }

    /** Detaches: the machine runs on for the next client. */
    @Override
    public void disconnect() throws DebugException {
        end.disconnect();
    }

    @Override
    public boolean isDisconnected() {
        return end.isDisconnected();
    }

    @Override
    public boolean canResume() {
        return run.isSuspended() && !isTerminated();
    }

    @Override
    public boolean canSuspend() {
        return !run.isSuspended() && !isTerminated();
    }

    @Override
    public boolean isSuspended() {
        return run.isSuspended();
    }

    @Override
    public void resume() throws DebugException {
        run.resumeAll(threads.first());
    }

    @Override
    public void suspend() throws DebugException {
        run.pause();
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
        breakpoints.changed(breakpoint, delta);
    }

    /** The Memory view's monitors: guest memory through readMemory and writeMemory. */
    @Override
    public boolean supportsStorageRetrieval() {
        return true;
    }

    @Override
    public IMemoryBlock getMemoryBlock(long startAddress, long length) throws DebugException {
        return new FaultlineMemoryBlock(this, startAddress, length);
    }
}
