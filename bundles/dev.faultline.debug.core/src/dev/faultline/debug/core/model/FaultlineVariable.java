package dev.faultline.debug.core.model;

import org.eclipse.debug.core.DebugEvent;
import org.eclipse.debug.core.DebugException;
import org.eclipse.debug.core.model.IValue;
import org.eclipse.debug.core.model.IVariable;
import org.eclipse.lsp4j.debug.SetVariableArguments;

/**
 * A named value in a DAP variables container (a scope, or a value with children). Setting it sends
 * setVariable with the text as an expression; the adapter writes registers and values stored in
 * memory (locals, globals, members, elements), and says why for anything else.
 */
public class FaultlineVariable extends FaultlineDebugElement implements IVariable {

    private final int container;
    private final String name;
    private final String type;
    private final int reference;
    private volatile FaultlineValue value;
    private volatile String evaluateName;

    public FaultlineVariable(FaultlineDebugTarget target, int container, String name, String value, String type, int reference) {
        super(target);
        this.container = container;
        this.name = name;
        this.type = type;
        this.reference = reference;
        this.value = new FaultlineValue(target, value, reference);
    }

    /** How an expression names this variable (the adapter's evaluateName: `shape->corner.y`), or null when none can. */
    public String evaluateName() {
        return evaluateName;
    }

    void setEvaluateName(String evaluateName) {
        this.evaluateName = evaluateName;
    }

    @Override
    public IValue getValue() {
        return value;
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public String getReferenceTypeName() {
        return type == null ? "" : type;
    }

    @Override
    public boolean hasValueChanged() throws DebugException {
        return false;
    }

    @Override
    public void setValue(String expression) throws DebugException {
        SetVariableArguments arguments = new SetVariableArguments();
        arguments.setVariablesReference(container);
        arguments.setName(name);
        arguments.setValue(expression);
        String written = adapter().call("setVariable " + name, adapter -> adapter.setVariable(arguments)).getValue();
        value = new FaultlineValue(target(), written, reference);
        fireChangeEvent(DebugEvent.CONTENT);
    }

    @Override
    public void setValue(IValue newValue) throws DebugException {
        setValue(newValue.getValueString());
    }

    /** Only the children of a container can be set, and the adapter decides which. */
    @Override
    public boolean supportsValueModification() {
        return container > 0;
    }

    @Override
    public boolean verifyValue(String expression) {
        return expression != null && !expression.isBlank();
    }

    @Override
    public boolean verifyValue(IValue newValue) throws DebugException {
        return verifyValue(newValue.getValueString());
    }
}
