package dev.faultline.debug.core.model;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import org.eclipse.debug.core.DebugEvent;
import org.eclipse.debug.core.DebugException;
import org.eclipse.debug.core.model.IBreakpoint;
import org.eclipse.debug.core.model.IStackFrame;
import org.eclipse.debug.core.model.IThread;
import org.eclipse.lsp4j.debug.NextArguments;
import org.eclipse.lsp4j.debug.StackFrame;
import org.eclipse.lsp4j.debug.StackTraceArguments;
import org.eclipse.lsp4j.debug.StepInArguments;
import org.eclipse.lsp4j.debug.StepOutArguments;
import org.eclipse.lsp4j.debug.SteppingGranularity;

import dev.faultline.debug.core.breakpoints.FaultlineFaultBreakpoint;

/**
 * A TCB as an Eclipse thread, labelled with its seL4 state ("client (31) [blocked on send,
 * endpoint 12]"). It owns run control for its frames: a step steps this thread while the whole
 * machine runs, as seL4's threads share one hart.
 */
public final class FaultlineThread extends FaultlineDebugElement implements IThread {

    private final int id;
    private volatile String name;
    private IStackFrame[] frames;
    private Map<String, String> registersBefore = Map.of();
    private Map<String, String> registersNow = Map.of();

    FaultlineThread(FaultlineDebugTarget target, int id) {
        super(target);
        this.id = id;
        this.name = "thread " + id;
    }

    /** The TCB's object id, which is the DAP thread id. */
    public int id() {
        return id;
    }

    void rename(String listed) {
        name = listed;
    }

    /** The TCB's name as the adapter lists it, without state. */
    public String tcbName() {
        return name;
    }

    @Override
    public String getName() {
        if (!isSuspended()) {
            // The kernel's state is read at stops only; the Debug view's icon says the machine runs.
            return name;
        }
        String state = target().kernel().describe(id);
        StringBuilder label = new StringBuilder(name);
        if (state != null) {
            label.append(" [").append(state).append(']');
        }
        StopReason stop = target().lastStop();
        if (stop != null && stop.threadId() == id) {
            label.append(" (suspended: ").append(stop.label()).append(')');
        }
        return label.toString();
    }

    @Override
    public synchronized IStackFrame[] getStackFrames() throws DebugException {
        if (!isSuspended()) {
            return new IStackFrame[0];
        }
        if (frames == null) {
            StackTraceArguments arguments = new StackTraceArguments();
            arguments.setThreadId(id);
            StackFrame[] listed = adapter().call("stackTrace", adapter -> adapter.stackTrace(arguments)).getStackFrames();
            IStackFrame[] made = new IStackFrame[listed.length];
            for (int i = 0; i < listed.length; i++) {
                made[i] = new FaultlineStackFrame(this, listed[i], i);
            }
            frames = made;
        }
        return frames;
    }

    @Override
    public boolean hasStackFrames() throws DebugException {
        return isSuspended();
    }

    @Override
    public int getPriority() {
        return 0;
    }

    @Override
    public IStackFrame getTopStackFrame() throws DebugException {
        IStackFrame[] all = getStackFrames();
        return all.length == 0 ? null : all[0];
    }

    /**
     * The breakpoints the adapter says this thread stopped at; for a fault, the fault breakpoint of
     * its filter (the Debug view selects a thread with breakpoints first).
     */
    @Override
    public IBreakpoint[] getBreakpoints() {
        StopReason stop = target().lastStop();
        if (stop == null || stop.threadId() != id) {
            return new IBreakpoint[0];
        }
        if (stop.filter() != null) {
            IBreakpoint fault = FaultlineFaultBreakpoint.of(stop.filter());
            return fault == null ? new IBreakpoint[0] : new IBreakpoint[] {fault};
        }
        if (stop.hitBreakpointIds() == null) {
            return new IBreakpoint[0];
        }
        return Arrays.stream(stop.hitBreakpointIds()).map(target().breakpoints()::byAdapterId)
                .filter(b -> b != null).toArray(IBreakpoint[]::new);
    }

    /** A register's value at the previous stop, to mark what changed since. */
    synchronized boolean registerChanged(String register, String value) {
        String before = registersBefore.get(register);
        return before != null && !before.equals(value);
    }

    synchronized void registersRead(Map<String, String> values) {
        registersNow = new HashMap<>(values);
    }

    void suspended(int detail) {
        synchronized (this) {
            frames = null;
        }
        fireSuspendEvent(detail);
    }

    /** Another thread's stop stopped this one too. */
    void stoppedWithOthers() {
        synchronized (this) {
            frames = null;
        }
        fireChangeEvent(DebugEvent.CONTENT);
    }

    void resumed(int detail) {
        synchronized (this) {
            frames = null;
            registersBefore = registersNow;
        }
        fireResumeEvent(detail);
    }

    @Override
    public boolean canResume() {
        return target().canResume();
    }

    @Override
    public boolean canSuspend() {
        return target().canSuspend();
    }

    @Override
    public boolean isSuspended() {
        return target().isSuspended();
    }

    @Override
    public void resume() throws DebugException {
        target().resume();
    }

    @Override
    public void suspend() throws DebugException {
        target().suspend();
    }

    @Override
    public boolean canStepInto() {
        return isSuspended();
    }

    @Override
    public boolean canStepOver() {
        return isSuspended();
    }

    @Override
    public boolean canStepReturn() {
        return isSuspended();
    }

    @Override
    public boolean isStepping() {
        return false;
    }

    private SteppingGranularity granularity() {
        return target().isInstructionStepping() ? SteppingGranularity.INSTRUCTION : SteppingGranularity.LINE;
    }

    @Override
    public void stepInto() throws DebugException {
        StepInArguments arguments = new StepInArguments();
        arguments.setThreadId(id);
        arguments.setGranularity(granularity());
        target().runState().run(DebugEvent.STEP_INTO, "stepIn", adapter -> adapter.stepIn(arguments));
    }

    @Override
    public void stepOver() throws DebugException {
        NextArguments arguments = new NextArguments();
        arguments.setThreadId(id);
        arguments.setGranularity(granularity());
        target().runState().run(DebugEvent.STEP_OVER, "next", adapter -> adapter.next(arguments));
    }

    @Override
    public void stepReturn() throws DebugException {
        StepOutArguments arguments = new StepOutArguments();
        arguments.setThreadId(id);
        arguments.setGranularity(granularity());
        target().runState().run(DebugEvent.STEP_RETURN, "stepOut", adapter -> adapter.stepOut(arguments));
    }

    @Override
    public boolean canTerminate() {
        return target().canTerminate();
    }

    @Override
    public boolean isTerminated() {
        return target().isTerminated();
    }

    @Override
    public void terminate() throws DebugException {
        target().terminate();
    }
}
