package dev.faultline.dap.handler;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.lsp4j.debug.StackFrame;
import org.eclipse.lsp4j.debug.StackFramePresentationHint;
import org.eclipse.lsp4j.debug.StackTraceArguments;
import org.eclipse.lsp4j.debug.StackTraceResponse;
import org.eclipse.lsp4j.debug.Thread;
import org.eclipse.lsp4j.debug.ThreadsResponse;

import dev.faultline.dap.server.Convert;
import dev.faultline.dap.server.DapSession;
import dev.faultline.dap.server.References;
import dev.faultline.dap.session.Backtrace;
import dev.faultline.dap.session.Machine;
import dev.faultline.dap.session.ThreadContext;
import dev.faultline.kernel.object.Tcb;

/** threads (one per TCB, by its seL4_DebugNameThread name) and stackTrace (unwound by DWARF CFI, else the frame pointer). */
public final class StackHandler {

    private final DapSession session;

    public StackHandler(DapSession session) {
        this.session = session;
    }

    public ThreadsResponse threads() {
        ThreadsResponse response = new ThreadsResponse();
        if (!session.host().machine().hasMachine()) {
            response.setThreads(new Thread[0]);
            return response;
        }
        response.setThreads(session.call(debuggee -> debuggee.machine().threads().stream().map(tcb -> {
            Thread thread = new Thread();
            thread.setId((int) tcb.id());
            thread.setName(Machine.threadName(tcb));
            return thread;
        }).toArray(Thread[]::new)));
        return response;
    }

    public StackTraceResponse stackTrace(StackTraceArguments arguments) {
        List<Backtrace.StackFrame> frames = session.call(debuggee -> {
            Tcb tcb = DapSession.thread(debuggee, arguments.getThreadId());
            return Backtrace.of(new ThreadContext(debuggee.machine(), tcb));
        });
        int start = arguments.getStartFrame() == null ? 0 : Math.max(0, arguments.getStartFrame());
        int levels = arguments.getLevels() == null || arguments.getLevels() <= 0 ? frames.size() : arguments.getLevels();
        List<StackFrame> shown = new ArrayList<>();
        for (int i = start; i < frames.size() && shown.size() < levels; i++) {
            Backtrace.StackFrame frame = frames.get(i);
            StackFrame dap = new StackFrame();
            dap.setId(session.references().add(new References.FrameRef(arguments.getThreadId(), frame.level())));
            dap.setName(frame.function());
            dap.setInstructionPointerReference(Convert.address(frame.pc()));
            if (frame.line().isPresent()) {
                dap.setSource(DapSession.source(frame.line().get().file()));
                dap.setLine(frame.line().get().line());
                dap.setColumn(Math.max(1, frame.line().get().column()));
            } else {
                dap.setLine(0);
                dap.setColumn(0);
                dap.setPresentationHint(StackFramePresentationHint.SUBTLE);
            }
            shown.add(dap);
        }
        StackTraceResponse response = new StackTraceResponse();
        response.setStackFrames(shown.toArray(StackFrame[]::new));
        response.setTotalFrames(frames.size());
        return response;
    }
}
