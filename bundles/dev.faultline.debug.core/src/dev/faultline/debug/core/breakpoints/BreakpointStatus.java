package dev.faultline.debug.core.breakpoints;

import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IMarkerDelta;
import org.eclipse.debug.core.model.IBreakpoint;

import dev.faultline.debug.core.FaultlineDebugCore;

/**
 * What the adapter of a running session said of a breakpoint: placed in the machine (verified), or
 * not, and why. It lives on the breakpoint's marker, as JDT's install count and CDT's install
 * state do, because a marker change is what redraws the editor's ruler and the Breakpoints view;
 * the session removes it when it ends, so a breakpoint with no session is neither.
 */
public final class BreakpointStatus {

    /** Boolean attribute: true when the adapter placed the breakpoint, false when it could not; absent with no session. */
    public static final String VERIFIED = FaultlineDebugCore.PLUGIN_ID + ".verified";

    /** String attribute: the adapter's reason for an unverified breakpoint ("no program of this machine was built from …"). */
    public static final String REASON = FaultlineDebugCore.PLUGIN_ID + ".notVerifiedReason";

    /** The attributes a session writes: changing them is no reason to send the breakpoints again. */
    private static final Set<String> SESSION_ATTRIBUTES = Set.of(VERIFIED, REASON, IMarker.LINE_NUMBER, IMarker.CHAR_START,
            IMarker.CHAR_END, IMarker.MESSAGE);

    /** The family of the job that writes the status onto markers (a test joins it). */
    public static final Object JOB_FAMILY = new Object();

    private BreakpointStatus() {
    }

    /**
     * Shows the adapter's answer for breakpoint: verified or not and why; a verified line
     * breakpoint the adapter moved (from a comment to the next line with code) moves to line.
     */
    static void record(IBreakpoint breakpoint, boolean verified, String reason, Integer line) {
        StatusWriter.post(() -> {
            IMarker marker = breakpoint.getMarker();
            if (marker == null || !marker.exists()) {
                return;
            }
            if (verified && line != null && breakpoint instanceof FaultlineLineBreakpoint moved && moved.getLineNumber() != line) {
                moved.moveTo(line);
            }
            marker.setAttribute(VERIFIED, verified);
            // A null value removes an attribute with setAttribute, not with setAttributes.
            marker.setAttribute(REASON, verified || reason == null ? null : reason);
        });
    }

    /**
     * Removes the status: no session has the breakpoint (it ended, or the breakpoint was
     * disabled); a status restored with a stored marker is a session's that ended with Eclipse.
     */
    static void clear(IMarker marker) {
        StatusWriter.post(() -> {
            if (marker != null && marker.exists() && marker.getAttribute(VERIFIED) != null) {
                marker.setAttribute(VERIFIED, null);
                marker.setAttribute(REASON, null);
            }
        });
    }

    /** True when a running session's adapter could not place breakpoint. */
    public static boolean isUnverified(IBreakpoint breakpoint) {
        IMarker marker = breakpoint.getMarker();
        return marker != null && marker.exists() && !marker.getAttribute(VERIFIED, true);
    }

    /** True when a running session's adapter placed breakpoint. */
    public static boolean isVerified(IBreakpoint breakpoint) {
        IMarker marker = breakpoint.getMarker();
        return marker != null && marker.exists() && marker.getAttribute(VERIFIED, false);
    }

    /** Why the adapter could not place breakpoint ("" when it did, or said nothing). */
    public static String reason(IBreakpoint breakpoint) {
        IMarker marker = breakpoint.getMarker();
        return marker == null || !marker.exists() ? "" : marker.getAttribute(REASON, "");
    }

    /**
     * True when delta changed only what a session writes (the status, and a line it moved the
     * breakpoint to, which is now placedLine): the adapter has it already.
     */
    static boolean onlySessionChanged(IMarker marker, IMarkerDelta delta, Integer placedLine) {
        if (delta == null || !marker.exists()) {
            return false;
        }
        Map<String, Object> before = delta.getAttributes() == null ? Map.of() : delta.getAttributes();
        Map<String, Object> now;
        try {
            now = marker.getAttributes();
        } catch (org.eclipse.core.runtime.CoreException e) {
            return false;
        }
        for (String key : union(before.keySet(), now.keySet())) {
            if (!Objects.equals(before.get(key), now.get(key)) && !SESSION_ATTRIBUTES.contains(key)) {
                return false;
            }
        }
        Object line = now.get(IMarker.LINE_NUMBER);
        return Objects.equals(before.get(IMarker.LINE_NUMBER), line) || Objects.equals(placedLine, line);
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new java.util.HashSet<>(a);
        all.addAll(b);
        return all;
    }
}
