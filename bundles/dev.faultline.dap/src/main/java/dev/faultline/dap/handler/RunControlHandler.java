package dev.faultline.dap.handler;

import org.eclipse.lsp4j.debug.SteppingGranularity;

import dev.faultline.dap.server.DapSession;
import dev.faultline.dap.session.Debuggee;
import dev.faultline.dap.session.SessionException;
import dev.faultline.dap.session.StepKind;

/**
 * continue, next, stepIn, stepOut and pause. Each checks now that it can be done, and acts once
 * its response is written, so that the response comes before the stopped event it causes.
 */
public final class RunControlHandler {

    private final DapSession session;

    public RunControlHandler(DapSession session) {
        this.session = session;
    }

    public void resume(int thread) {
        requireStopped(thread);
        session.afterResponse(() -> session.host().machine().post(Debuggee::resume));
    }

    public void step(int thread, StepKind kind, SteppingGranularity granularity) {
        requireStopped(thread);
        boolean byInstruction = granularity == SteppingGranularity.INSTRUCTION;
        session.afterResponse(() -> session.host().machine().post(debuggee -> debuggee.step(thread, kind, byInstruction)));
    }

    public void pause() {
        session.call(debuggee -> {
            if (debuggee.mode() == Debuggee.Mode.FINISHED) {
                throw new SessionException(SessionException.NOT_STOPPED, "the machine has finished: nothing runs to pause");
            }
            return null;
        });
        session.afterResponse(() -> session.host().machine().post(Debuggee::pause));
    }

    private void requireStopped(int thread) {
        session.call(debuggee -> {
            DapSession.thread(debuggee, thread);
            if (debuggee.mode() == Debuggee.Mode.FINISHED) {
                throw new SessionException(SessionException.NOT_STOPPED, "the machine has finished: nothing more runs");
            }
            if (debuggee.mode() != Debuggee.Mode.STOPPED) {
                throw new SessionException(SessionException.NOT_STOPPED, "the machine is running: pause it first");
            }
            return null;
        });
    }
}
