package dev.faultline.debug.core.model;

import org.eclipse.debug.core.DebugException;
import org.eclipse.debug.core.model.IRegister;
import org.eclipse.debug.core.model.IRegisterGroup;
import org.eclipse.lsp4j.debug.Variable;

/** One register of the trapframe by its ABI name; writable (setVariable takes an expression such as "sp - 16"). */
public final class FaultlineRegister extends FaultlineVariable implements IRegister {

    private final FaultlineRegisterGroup group;
    private final String valueAtRead;

    FaultlineRegister(FaultlineRegisterGroup group, int container, Variable listed) {
        super(group.target(), container, listed.getName(), listed.getValue(), listed.getType(), 0);
        this.group = group;
        this.valueAtRead = listed.getValue();
    }

    @Override
    public IRegisterGroup getRegisterGroup() {
        return group;
    }

    /** Changed since the previous stop, so the Registers view marks it. */
    @Override
    public boolean hasValueChanged() throws DebugException {
        return group.thread().registerChanged(getName(), valueAtRead);
    }
}
