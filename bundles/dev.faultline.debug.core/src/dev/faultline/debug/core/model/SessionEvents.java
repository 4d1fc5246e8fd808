package dev.faultline.debug.core.model;

import org.eclipse.debug.core.DebugException;
import org.eclipse.lsp4j.debug.BreakpointEventArguments;
import org.eclipse.lsp4j.debug.ContinuedEventArguments;
import org.eclipse.lsp4j.debug.ExitedEventArguments;
import org.eclipse.lsp4j.debug.OutputEventArguments;
import org.eclipse.lsp4j.debug.StoppedEventArguments;
import org.eclipse.lsp4j.debug.TerminatedEventArguments;
import org.eclipse.lsp4j.debug.ThreadEventArguments;

import dev.faultline.debug.core.FaultlineDebugCore;
import dev.faultline.debug.core.dap.DapEvents;

/** The adapter's events, turned into changes of the target, its threads and its process. */
final class SessionEvents implements DapEvents {

    private final FaultlineDebugTarget target;

    SessionEvents(FaultlineDebugTarget target) {
        this.target = target;
    }

    @Override
    public void stopped(StoppedEventArguments event) {
        target.runState().stoppedAt(new StopReason(event.getThreadId() == null ? -1 : event.getThreadId(), event.getReason(),
                event.getDescription(), event.getHitBreakpointIds(), "exception".equals(event.getReason()) ? event.getText() : null));
    }

    @Override
    public void continued(ContinuedEventArguments event) {
        target.runState().continuedByAdapter();
    }

    @Override
    public void thread(ThreadEventArguments event) {
        try {
            target.refreshThreads();
        } catch (DebugException e) {
            if (!target.isTerminated()) {
                FaultlineDebugCore.log("reading the threads after a thread event failed", e);
            }
        }
    }

    @Override
    public void output(OutputEventArguments event) {
        ((FaultlineProcess) target.getProcess()).streams().append(event.getCategory(), event.getOutput());
    }

    @Override
    public void breakpoint(BreakpointEventArguments event) {
        target.breakpoints().changedByAdapter(event.getBreakpoint());
    }

    @Override
    public void exited(ExitedEventArguments event) {
        ((FaultlineProcess) target.getProcess()).exited(event.getExitCode());
    }

    @Override
    public void terminated(TerminatedEventArguments event) {
        target.ended();
    }

    @Override
    public void connectionClosed() {
        target.ended();
    }
}
