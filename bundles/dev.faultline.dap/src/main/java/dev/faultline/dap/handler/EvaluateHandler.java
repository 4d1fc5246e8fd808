package dev.faultline.dap.handler;

import java.util.Optional;

import org.eclipse.lsp4j.debug.EvaluateArguments;
import org.eclipse.lsp4j.debug.EvaluateResponse;

import dev.faultline.dap.server.Convert;
import dev.faultline.dap.server.DapSession;
import dev.faultline.dap.server.References;
import dev.faultline.dap.session.CObject;
import dev.faultline.dap.session.Expression;
import dev.faultline.dap.session.TypedValues;
import dev.faultline.dap.session.SessionException;
import dev.faultline.dap.session.ThreadContext;
import dev.faultline.emulator.dwarf.DwarfFormatException;

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
                return typed(local.get(), frame.thread(), text);
            }
        }
        Expression expression = Expression.parse(text);
        Shown shown = session.call(debuggee -> {
            ThreadContext context = TypedContainers.stoppedContext(debuggee, frame);
            long thread = context.thread().id();
            // An expression naming a C object (shape->corner, grid[1], *p) shows it by its type, as Locals would.
            Optional<CObject> object = expression.object(context);
            if (object.isPresent() && object.get().dimension() == 0) {
                return new Shown(0, null, object.get().value(context::read, text), thread);
            }
            return new Shown(expression.evaluate(context), expression.radix(context), null, thread);
        });
        if (shown.value() != null) {
            return typed(shown.value(), shown.thread(), text);
        }
        EvaluateResponse response = new EvaluateResponse();
        response.setResult(shown.radix().format(shown.number()));
        if (shown.radix() == Expression.Radix.HEX) {
            // An address (or a register, which may hold one): the client may open memory there.
            response.setType("uint64");
            response.setMemoryReference(Convert.address(shown.number()));
        } else {
            response.setType("int64");
        }
        response.setVariablesReference(0);
        return response;
    }

    /** A C value as Locals shows it: its text and type; a struct, array or pointer opens in a hover or a watch. */
    private EvaluateResponse typed(TypedValues.Value value, long thread, String text) {
        EvaluateResponse response = new EvaluateResponse();
        response.setResult(value.text());
        response.setType(value.type());
        TypedContainers.memoryOf(value).ifPresent(address -> response.setMemoryReference(Convert.address(address)));
        response.setVariablesReference(value.parts()
                .map(parts -> session.references().add(new References.PartsRef(thread, parts, text))).orElse(0));
        return response;
    }

    /** An expression's value: a number and the radix it shows in, or a C value by its type; and whose it is. */
    private record Shown(long number, Expression.Radix radix, TypedValues.Value value, long thread) {
    }
}
