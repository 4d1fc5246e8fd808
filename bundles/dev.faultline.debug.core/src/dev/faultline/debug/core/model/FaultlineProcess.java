package dev.faultline.debug.core.model;

import java.util.HashMap;
import java.util.Map;

import org.eclipse.debug.core.DebugEvent;
import org.eclipse.debug.core.DebugException;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.model.IProcess;
import org.eclipse.debug.core.model.IStreamsProxy;
import org.eclipse.core.runtime.PlatformObject;

/**
 * The guest machine as a process in the Debug view and the Console: its output streams and its
 * exit status. Terminating it terminates the debug session.
 */
public final class FaultlineProcess extends PlatformObject implements IProcess {

    private final ILaunch launch;
    private final String label;
    private final GuestStreams streams = new GuestStreams();
    private final Map<String, String> attributes = new HashMap<>();
    private FaultlineDebugTarget target;
    private volatile boolean terminated;
    private volatile int exitValue;

    public FaultlineProcess(ILaunch launch, String label) {
        this.launch = launch;
        this.label = label;
        attributes.put(ATTR_PROCESS_TYPE, "faultline.machine");
    }

    void attach(FaultlineDebugTarget target) {
        this.target = target;
    }

    public GuestStreams streams() {
        return streams;
    }

    @Override
    public String getLabel() {
        return label;
    }

    @Override
    public ILaunch getLaunch() {
        return launch;
    }

    @Override
    public IStreamsProxy getStreamsProxy() {
        return streams;
    }

    @Override
    public synchronized void setAttribute(String key, String value) {
        attributes.put(key, value);
    }

    @Override
    public synchronized String getAttribute(String key) {
        return attributes.get(key);
    }

    /** The guest's exit status as the adapter reported it (0 until then). */
    @Override
    public int getExitValue() throws DebugException {
        return exitValue;
    }

    void exited(int status) {
        exitValue = status;
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
        if (target != null && !target.isTerminated()) {
            target.terminate();
        } else {
            ended();
        }
    }

    /** The machine is gone: the console and the Debug view hear it once. */
    void ended() {
        if (terminated) {
            return;
        }
        terminated = true;
        DebugPlugin plugin = DebugPlugin.getDefault();
        if (plugin != null) {
            plugin.fireDebugEventSet(new DebugEvent[] {new DebugEvent(this, DebugEvent.TERMINATE)});
        }
    }

    /** Announces the process so that the console opens on it. */
    public void announce() {
        DebugPlugin.getDefault().fireDebugEventSet(new DebugEvent[] {new DebugEvent(this, DebugEvent.CREATE)});
    }

    @Override
    public <T> T getAdapter(Class<T> adapter) {
        if (adapter.equals(IProcess.class)) {
            return adapter.cast(this);
        }
        if (adapter.equals(org.eclipse.debug.core.model.IDebugTarget.class) && target != null) {
            return adapter.cast(target);
        }
        if (adapter.equals(ILaunch.class)) {
            return adapter.cast(launch);
        }
        return super.getAdapter(adapter);
    }
}
