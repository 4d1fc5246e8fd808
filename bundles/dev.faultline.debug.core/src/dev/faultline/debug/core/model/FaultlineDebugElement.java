package dev.faultline.debug.core.model;

import org.eclipse.debug.core.DebugException;
import org.eclipse.debug.core.model.DebugElement;

import dev.faultline.debug.core.FaultlineDebugCore;
import dev.faultline.debug.core.dap.DapClient;

/** What every Faultline debug element shares: the model id, its target, and through it the one connection to the adapter. */
public abstract class FaultlineDebugElement extends DebugElement {

    protected FaultlineDebugElement(FaultlineDebugTarget target) {
        super(target);
    }

    @Override
    public String getModelIdentifier() {
        return FaultlineDebugCore.MODEL_ID;
    }

    /** The target this element belongs to (the target itself for a target). */
    public FaultlineDebugTarget target() {
        return (FaultlineDebugTarget) getDebugTarget();
    }

    /** The adapter connection; requests on it fail with a DebugException once the session has ended. */
    protected DapClient adapter() throws DebugException {
        return target().client();
    }
}
