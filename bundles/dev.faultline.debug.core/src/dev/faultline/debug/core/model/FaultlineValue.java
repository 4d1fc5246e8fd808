package dev.faultline.debug.core.model;

import org.eclipse.debug.core.DebugException;
import org.eclipse.debug.core.model.IValue;
import org.eclipse.debug.core.model.IVariable;
import org.eclipse.lsp4j.debug.Variable;
import org.eclipse.lsp4j.debug.VariablesArguments;

/** A value as the adapter shows it (already formatted: hex for registers, decimal for numbers), with its children fetched on demand. */
public class FaultlineValue extends FaultlineDebugElement implements IValue {

    private final String text;
    private final int reference;
    private IVariable[] children;

    public FaultlineValue(FaultlineDebugTarget target, String text, int reference) {
        super(target);
        this.text = text == null ? "" : text;
        this.reference = reference;
    }

    @Override
    public String getReferenceTypeName() {
        return "";
    }

    @Override
    public String getValueString() {
        return text;
    }

    @Override
    public boolean isAllocated() {
        return true;
    }

    @Override
    public synchronized IVariable[] getVariables() throws DebugException {
        if (reference <= 0) {
            return new IVariable[0];
        }
        if (children == null) {
            VariablesArguments arguments = new VariablesArguments();
            arguments.setVariablesReference(reference);
            Variable[] listed = adapter().call("variables", adapter -> adapter.variables(arguments)).getVariables();
            children = new IVariable[listed.length];
            for (int i = 0; i < listed.length; i++) {
                children[i] = child(listed[i]);
            }
        }
        return children;
    }

    /** One child as a variable; a register group's children are registers. */
    protected IVariable child(Variable listed) {
        FaultlineVariable variable = new FaultlineVariable(target(), reference, listed.getName(), listed.getValue(),
                listed.getType(), listed.getVariablesReference());
        variable.setEvaluateName(listed.getEvaluateName());
        return variable;
    }

    @Override
    public boolean hasVariables() {
        return reference > 0;
    }
}
