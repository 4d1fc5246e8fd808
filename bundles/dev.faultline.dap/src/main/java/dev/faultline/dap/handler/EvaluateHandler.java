package dev.faultline.dap.handler;

import org.eclipse.lsp4j.debug.EvaluateArguments;
import org.eclipse.lsp4j.debug.EvaluateResponse;

import dev.faultline.dap.server.Convert;
import dev.faultline.dap.server.DapSession;
import dev.faultline.dap.session.Expression;
import dev.faultline.dap.session.SessionException;
import dev.faultline.dap.session.ThreadContext;
import dev.faultline.kernel.object.Tcb;

/**
 * evaluate: an expression over registers, symbols and memory (see {@link Expression}) in the
 * frame's thread, else the stopped thread; for the REPL, hover and watch alike.
 */
public final class EvaluateHandler {

    private final DapSession session;

    public EvaluateHandler(DapSession session) {
        this.session = session;
    }

    public EvaluateResponse evaluate(EvaluateArguments arguments) {
        Expression expression = Expression.parse(arguments.getExpression() == null ? "" : arguments.getExpression());
        Long frameThread = arguments.getFrameId() == null ? null : session.frame(arguments.getFrameId()).thread();
        long value = session.call(debuggee -> {
            Tcb thread;
            if (frameThread != null) {
                thread = debuggee.machine().thread(frameThread);
            } else if (debuggee.stop() != null) {
                thread = debuggee.machine().thread(debuggee.stop().thread());
            } else {
                throw new SessionException(SessionException.NOT_STOPPED,
                        "the machine is running: evaluate needs a stopped thread (pause first)");
            }
            return expression.evaluate(new ThreadContext(debuggee.machine(), thread));
        });
        EvaluateResponse response = new EvaluateResponse();
        response.setResult(Convert.address(value) + " (" + value + ")");
        response.setType("uint64");
        response.setMemoryReference(Convert.address(value));
        response.setVariablesReference(0);
        return response;
    }
}
