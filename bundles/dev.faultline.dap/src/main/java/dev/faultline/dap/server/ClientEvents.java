package dev.faultline.dap.server;

import org.eclipse.lsp4j.debug.ExitedEventArguments;
import org.eclipse.lsp4j.debug.OutputEventArguments;
import org.eclipse.lsp4j.debug.OutputEventArgumentsCategory;
import org.eclipse.lsp4j.debug.TerminatedEventArguments;
import org.eclipse.lsp4j.debug.ThreadEventArguments;
import org.eclipse.lsp4j.debug.ThreadEventArgumentsReason;
import org.eclipse.lsp4j.debug.services.IDebugProtocolClient;

import dev.faultline.dap.session.MachineListener;
import dev.faultline.dap.session.MachineOutput;
import dev.faultline.dap.session.Stop;

/** The machine's news as DAP events to one client: stopped, exited and terminated, thread, output. */
final class ClientEvents implements MachineListener, MachineOutput {

    private final IDebugProtocolClient client;
    private final References references;

    ClientEvents(IDebugProtocolClient client, References references) {
        this.client = client;
        this.references = references;
    }

    @Override
    public void stopped(Stop stop) {
        references.clear();
        client.stopped(Convert.stopped(stop));
    }

    @Override
    public void exited(int status) {
        ExitedEventArguments exited = new ExitedEventArguments();
        exited.setExitCode(status);
        client.exited(exited);
        client.terminated(new TerminatedEventArguments());
    }

    @Override
    public void threadStarted(long thread) {
        thread(ThreadEventArgumentsReason.STARTED, thread);
    }

    @Override
    public void threadExited(long thread) {
        thread(ThreadEventArgumentsReason.EXITED, thread);
    }

    private void thread(String reason, long thread) {
        ThreadEventArguments event = new ThreadEventArguments();
        event.setReason(reason);
        event.setThreadId((int) thread);
        client.thread(event);
    }

    @Override
    public void console(String text) {
        output(OutputEventArgumentsCategory.STDOUT, text);
    }

    @Override
    public void kernelReport(String text) {
        output(OutputEventArgumentsCategory.CONSOLE, text);
    }

    private void output(String category, String text) {
        OutputEventArguments output = new OutputEventArguments();
        output.setCategory(category);
        output.setOutput(text);
        client.output(output);
    }
}
