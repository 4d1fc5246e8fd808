package dev.faultline.debug.core.model;

import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.debug.core.DebugException;
import org.eclipse.debug.core.model.IDebugElement;
import org.eclipse.debug.core.model.IValue;
import org.eclipse.debug.core.model.IWatchExpressionDelegate;
import org.eclipse.debug.core.model.IWatchExpressionListener;
import org.eclipse.debug.core.model.IWatchExpressionResult;
import org.eclipse.lsp4j.debug.EvaluateArguments;
import org.eclipse.lsp4j.debug.EvaluateArgumentsContext;
import org.eclipse.lsp4j.debug.EvaluateResponse;

/**
 * Watch expressions (the Expressions view, Watch on a variable) in Faultline frames: the
 * adapter's evaluate in the frame selected (a thread's top frame when a thread is), so that a
 * frame's variables, globals, members and registers read as C does; a result with parts opens as
 * a variable's does.
 */
public final class FaultlineWatchExpressionDelegate implements IWatchExpressionDelegate {

    @Override
    public void evaluateExpression(String expression, IDebugElement context, IWatchExpressionListener listener) {
        // Off the caller's thread (the UI's, often): the adapter answers over its connection.
        Job job = Job.create("Evaluating " + expression, monitor -> {
            listener.watchEvaluationFinished(evaluate(expression, context));
            return Status.OK_STATUS;
        });
        job.setSystem(true);
        job.schedule();
    }

    /** The expression's value in the context, or the adapter's reason it has none; waits for the adapter. */
    public static IWatchExpressionResult evaluate(String expression, IDebugElement context) {
        try {
            if (!(context instanceof FaultlineDebugElement element)) {
                throw new DebugException(Status.error("select a Faultline thread or stack frame to evaluate in"));
            }
            FaultlineStackFrame frame = context instanceof FaultlineStackFrame selected ? selected
                    : context instanceof FaultlineThread thread && thread.isSuspended()
                            ? (FaultlineStackFrame) thread.getTopStackFrame() : null;
            EvaluateArguments arguments = new EvaluateArguments();
            arguments.setExpression(expression);
            arguments.setContext(EvaluateArgumentsContext.WATCH);
            if (frame != null) {
                arguments.setFrameId(frame.frameId());
            }
            EvaluateResponse answer = element.adapter().call("evaluate " + expression, adapter -> adapter.evaluate(arguments));
            return result(expression, new FaultlineValue(element.target(), answer.getResult(), answer.getVariablesReference()),
                    null);
        } catch (DebugException e) {
            return result(expression, null, e);
        }
    }

    private static IWatchExpressionResult result(String expression, IValue value, DebugException failure) {
        return new IWatchExpressionResult() {
            @Override
            public IValue getValue() {
                return value;
            }

            @Override
            public boolean hasErrors() {
                return failure != null;
            }

            @Override
            public String[] getErrorMessages() {
                return failure == null ? new String[0] : new String[] {failure.getMessage()};
            }

            @Override
            public String getExpressionText() {
                return expression;
            }

            @Override
            public DebugException getException() {
                return failure;
            }
        };
    }
}
