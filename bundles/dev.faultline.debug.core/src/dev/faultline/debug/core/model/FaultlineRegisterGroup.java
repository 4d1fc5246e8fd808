package dev.faultline.debug.core.model;

import org.eclipse.debug.core.DebugException;
import org.eclipse.debug.core.model.IRegister;
import org.eclipse.debug.core.model.IRegisterGroup;
import org.eclipse.debug.core.model.IVariable;
import org.eclipse.lsp4j.debug.Variable;

/** A frame's Registers scope: pc and x1..x31 by ABI name, from the thread's trapframe. */
public final class FaultlineRegisterGroup extends FaultlineDebugElement implements IRegisterGroup {

    private final FaultlineThread thread;
    private final String name;
    private final FaultlineValue registers;

    FaultlineRegisterGroup(FaultlineThread thread, String name, int reference) {
        super(thread.target());
        this.thread = thread;
        this.name = name;
        this.registers = new FaultlineValue(thread.target(), "", reference) {
            @Override
            protected IVariable child(Variable listed) {
                return new FaultlineRegister(FaultlineRegisterGroup.this, reference, listed);
            }
        };
    }

    FaultlineThread thread() {
        return thread;
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public IRegister[] getRegisters() throws DebugException {
        IVariable[] all = registers.getVariables();
        IRegister[] result = new IRegister[all.length];
        java.util.Map<String, String> values = new java.util.HashMap<>();
        for (int i = 0; i < all.length; i++) {
            result[i] = (IRegister) all[i];
            values.put(all[i].getName(), all[i].getValue().getValueString());
        }
        thread.registersRead(values);
        return result;
    }

    @Override
    public boolean hasRegisters() {
        return true;
    }
}
