package dev.faultline.debug.core.breakpoints;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IMarkerDelta;
import org.eclipse.core.resources.IResourceChangeEvent;
import org.eclipse.core.resources.IResourceChangeListener;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;

/** Records the workspace's deltas of one marker as they come, so a test can hand a real one to a breakpoint listener. */
final class MarkerDeltas implements IResourceChangeListener, AutoCloseable {

    private final IMarker marker;
    private final String type;
    private final List<IMarkerDelta> seen = new ArrayList<>();

    MarkerDeltas(IMarker marker) throws CoreException {
        this.marker = marker;
        this.type = marker.getType();
        ResourcesPlugin.getWorkspace().addResourceChangeListener(this, IResourceChangeEvent.POST_CHANGE);
    }

    @Override
    public synchronized void resourceChanged(IResourceChangeEvent event) {
        for (IMarkerDelta delta : event.findMarkerDeltas(type, false)) {
            if (delta.getId() == marker.getId() && delta.getKind() == org.eclipse.core.resources.IResourceDelta.CHANGED) {
                seen.add(delta);
            }
        }
        notifyAll();
    }

    /** The first change whose attributes before it match, waiting up to 30 s for it. */
    synchronized IMarkerDelta await(String what, Predicate<IMarkerDelta> before) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            for (IMarkerDelta delta : seen) {
                if (before.test(delta)) {
                    return delta;
                }
            }
            wait(100);
        }
        throw new AssertionError("no marker delta of " + what + " within 30 s: " + seen);
    }

    /** Forgets the changes seen so far: the next await looks at later ones only. */
    synchronized void forget() {
        seen.clear();
    }

    @Override
    public void close() {
        ResourcesPlugin.getWorkspace().removeResourceChangeListener(this);
    }
}
