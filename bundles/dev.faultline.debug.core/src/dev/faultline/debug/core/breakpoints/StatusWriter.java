package dev.faultline.debug.core.breakpoints;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.eclipse.core.resources.IWorkspace;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;

import dev.faultline.debug.core.FaultlineDebugCore;

/**
 * Writes what adapters answer about breakpoints onto their markers, in the order answered, from
 * one job: an answer may arrive inside a breakpoint change notification, while the workspace
 * refuses marker changes.
 */
final class StatusWriter extends Job {

    /** One change of one marker. */
    @FunctionalInterface
    interface Update {
        void apply() throws CoreException;
    }

    private static final StatusWriter INSTANCE = new StatusWriter();

    private final Queue<Update> updates = new ConcurrentLinkedQueue<>();

    private StatusWriter() {
        super("Showing the adapter's answers on Faultline breakpoints");
        setSystem(true);
    }

    /** Queues update after those already queued. */
    static void post(Update update) {
        INSTANCE.updates.add(update);
        INSTANCE.schedule();
    }

    @Override
    public boolean belongsTo(Object family) {
        return family == BreakpointStatus.JOB_FAMILY;
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        IWorkspace workspace = ResourcesPlugin.getWorkspace();
        try {
            workspace.run(inner -> {
                for (Update update = updates.poll(); update != null; update = updates.poll()) {
                    try {
                        update.apply();
                    } catch (CoreException e) {
                        // A breakpoint deleted since the answer has no marker left to show it on.
                        if (e.getStatus().getCode() != org.eclipse.core.resources.IResourceStatus.MARKER_NOT_FOUND) {
                            FaultlineDebugCore.log("showing a breakpoint's status failed", e);
                        }
                    }
                }
            }, workspace.getRoot(), IWorkspace.AVOID_UPDATE, monitor);
        } catch (CoreException e) {
            return Status.error("showing the breakpoints' status failed", e);
        }
        return Status.OK_STATUS;
    }
}
