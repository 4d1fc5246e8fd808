package dev.faultline.debug.core.dap;

import org.eclipse.lsp4j.debug.BreakpointEventArguments;
import org.eclipse.lsp4j.debug.ContinuedEventArguments;
import org.eclipse.lsp4j.debug.ExitedEventArguments;
import org.eclipse.lsp4j.debug.OutputEventArguments;
import org.eclipse.lsp4j.debug.StoppedEventArguments;
import org.eclipse.lsp4j.debug.TerminatedEventArguments;
import org.eclipse.lsp4j.debug.ThreadEventArguments;

/**
 * The adapter's events the debug model acts on. They arrive one at a time, in order, on a thread
 * of their own, so a listener may make requests (and wait for them) while it handles one.
 */
public interface DapEvents {

    void stopped(StoppedEventArguments event);

    void continued(ContinuedEventArguments event);

    void thread(ThreadEventArguments event);

    void output(OutputEventArguments event);

    void breakpoint(BreakpointEventArguments event);

    void exited(ExitedEventArguments event);

    void terminated(TerminatedEventArguments event);

    /** The connection ended (the adapter closed it, or its process died). */
    void connectionClosed();
}
