package dev.faultline.debug.core.breakpoints;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.core.resources.IMarkerDelta;
import org.eclipse.debug.core.model.IBreakpoint;
import org.eclipse.lsp4j.debug.Breakpoint;

/**
 * What one session's adapter answered about its breakpoints: the adapter's id of each (which a
 * stop names), whether it placed each and why not, and the line it moved a line breakpoint to.
 */
final class AdapterAnswers {

    private final Map<Integer, IBreakpoint> byId = new ConcurrentHashMap<>();
    /** The line the adapter placed each line breakpoint at: the marker moving there is no change to send. */
    private final Map<IBreakpoint, Integer> placedLines = new ConcurrentHashMap<>();

    /** The answers to one set request, in the order asked. */
    void answered(Breakpoint[] placed, List<? extends IBreakpoint> asked) {
        for (int i = 0; i < placed.length && i < asked.size(); i++) {
            if (placed[i].getId() != null) {
                byId.put(placed[i].getId(), asked.get(i));
            }
            show(asked.get(i), placed[i]);
        }
    }

    /** A breakpoint event: a breakpoint the adapter knows changed (placed when the machine came). */
    void changed(Breakpoint answer) {
        IBreakpoint known = answer.getId() == null ? null : byId.get(answer.getId());
        if (known != null) {
            show(known, answer);
        }
    }

    IBreakpoint byId(int id) {
        return byId.get(id);
    }

    /** True when delta is only this session's writing: the adapter has the breakpoint as it is. */
    boolean isOwnChange(IBreakpoint breakpoint, IMarkerDelta delta) {
        return BreakpointStatus.onlySessionChanged(breakpoint.getMarker(), delta, placedLines.get(breakpoint));
    }

    void forget(IBreakpoint breakpoint) {
        byId.values().removeIf(breakpoint::equals);
        placedLines.remove(breakpoint);
    }

    void forgetAll() {
        byId.clear();
        placedLines.clear();
    }

    private void show(IBreakpoint breakpoint, Breakpoint answer) {
        boolean verified = Boolean.TRUE.equals(answer.isVerified());
        if (verified && answer.getLine() != null && breakpoint instanceof FaultlineLineBreakpoint) {
            placedLines.put(breakpoint, answer.getLine());
        }
        BreakpointStatus.record(breakpoint, verified, answer.getMessage(), answer.getLine());
    }
}
