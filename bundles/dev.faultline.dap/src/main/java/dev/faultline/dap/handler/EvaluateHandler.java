package dev.faultline.dap.handler;

import java.util.Optional;

import org.eclipse.lsp4j.debug.EvaluateArguments;
import org.eclipse.lsp4j.debug.EvaluateResponse;

import dev.faultline.dap.server.Convert;
import dev.faultline.dap.server.DapSession;
import dev.faultline.dap.server.References;
import dev.faultline.dap.session.Expression;
import dev.faultline.dap.session.TypedValues;
import dev.faultline.dap.session.SessionException;
import dev.faultline.dap.session.ThreadContext;
import dev.faultline.kernel.object.Tcb;

/**
 * evaluate: with a frame, a bare name of one of its DWARF variables gives that variable's value
 * (C's scoping: its locals, then its compilation unit's globals); otherwise an expression over registers, symbols and
 * memory (see {@link Expression}) in the frame's thread, else the stopped thread; for the REPL,
 * hover and watch alike.
 */
public final class EvaluateHandler {

    private final DapSession session;

    public EvaluateHandler(DapSession session) {
        this.session = session;
    }

    public EvaluateResponse evaluate(EvaluateArguments arguments) {
        String text = arguments.getExpression() == null ? "" : arguments.getExpression().trim();
        References.FrameRef frame = arguments.getFrameId() == null ? null : session.frame(arguments.getFrameId());
        if (frame != null && text.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            Optional<TypedValues.Value> local = TypedContainers.frameVariable(session, frame, text);
            if (local.isPresent()) {
                EvaluateResponse response = new EvaluateResponse();
                response.setResult(local.get().text());
                response.setType(local.get().type());
                TypedContainers.memoryOf(local.get()).ifPresent(address -> response.setMemoryReference(Convert.address(address)));
                // A struct, array or pointer opens in a hover or a watch as it does in Locals.
                response.setVariablesReference(local.get().parts()
                        .map(parts -> session.references().add(new References.PartsRef(frame.thread(), parts))).orElse(0));
                return response;
            }
        }
        Expression expression = Expression.parse(text);
        Shown shown = session.call(debuggee -> {
            Tcb thread;
            if (frame != null) {
                thread = debuggee.machine().thread(frame.thread());
            } else if (debuggee.stop() != null) {
                thread = debuggee.machine().thread(debuggee.stop().thread());
            } else {
                throw new SessionException(SessionException.NOT_STOPPED,
                        "the machine is running: evaluate needs a stopped thread (pause first)");
            }
            ThreadContext context = new ThreadContext(debuggee.machine(), thread).inFrame(frame == null ? 0 : frame.level());
            return new Shown(expression.evaluate(context), expression.radix(context));
        });
        EvaluateResponse response = new EvaluateResponse();
        response.setResult(shown.radix().format(shown.value()));
        if (shown.radix() == Expression.Radix.HEX) {
            // An address (or a register, which may hold one): the client may open memory there.
            response.setType("uint64");
            response.setMemoryReference(Convert.address(shown.value()));
        } else {
            response.setType("int64");
        }
        response.setVariablesReference(0);
        return response;
    }

    /** An expression's value and the radix it shows in. */
    private record Shown(long value, Expression.Radix radix) {
    }
}
