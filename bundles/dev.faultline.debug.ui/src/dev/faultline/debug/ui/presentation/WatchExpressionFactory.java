package dev.faultline.debug.ui.presentation;

import org.eclipse.core.runtime.IAdapterFactory;
import org.eclipse.debug.core.model.IVariable;
import org.eclipse.debug.ui.actions.IWatchExpressionFactoryAdapter2;

import dev.faultline.debug.core.model.FaultlineVariable;

/**
 * What the Variables view's Watch makes of a Faultline variable: the expression the adapter names
 * it by (`shape->corner.y` for a member deep in a struct), not its bare name; none for a
 * variable no expression can name (a scope's group, a register has its own view).
 */
public final class WatchExpressionFactory implements IAdapterFactory, IWatchExpressionFactoryAdapter2 {

    @Override
    public <T> T getAdapter(Object adaptable, Class<T> adapterType) {
        return adaptable instanceof FaultlineVariable && adapterType == IWatchExpressionFactoryAdapter2.class
                ? adapterType.cast(this) : null;
    }

    @Override
    public Class<?>[] getAdapterList() {
        return new Class<?>[] {IWatchExpressionFactoryAdapter2.class};
    }

    @Override
    public String createWatchExpression(Object element) {
        return element instanceof FaultlineVariable variable && variable.evaluateName() != null ? variable.evaluateName()
                : element instanceof IVariable variable ? name(variable) : null;
    }

    @Override
    public boolean canCreateWatchExpression(Object element) {
        return element instanceof FaultlineVariable variable && variable.evaluateName() != null;
    }

    private static String name(IVariable variable) {
        try {
            return variable.getName();
        } catch (org.eclipse.debug.core.DebugException e) {
            return null;
        }
    }
}
