package dev.faultline.debug.core.model;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.debug.core.DebugException;
import org.eclipse.debug.core.model.IRegisterGroup;
import org.eclipse.debug.core.model.IStackFrame;
import org.eclipse.debug.core.model.IThread;
import org.eclipse.debug.core.model.IVariable;
import org.eclipse.lsp4j.debug.Scope;
import org.eclipse.lsp4j.debug.ScopesArguments;
import org.eclipse.lsp4j.debug.StackFrame;

/**
 * One frame of a thread's backtrace, as data: the function, the DWARF source line and the pc.
 * Its variables are the Locals scope, with the Fault and IPC scopes as two expandable entries;
 * the Registers scope (the trapframe) is its register group. Run control is the thread's.
 */
public final class FaultlineStackFrame extends FaultlineDebugElement implements IStackFrame {

    private static final String REGISTERS_SCOPE = "Registers";
    private static final String LOCALS_SCOPE = "Locals";

    private final FaultlineThread thread;
    private final StackFrame frame;
    private final int level;
    private Scope[] scopes;
    private IVariable[] variables;
    private IRegisterGroup[] registerGroups;

    FaultlineStackFrame(FaultlineThread thread, StackFrame frame, int level) {
        super(thread.target());
        this.thread = thread;
        this.frame = frame;
        this.level = level;
    }

    /** The source file's path as DWARF names it (absolute, or relative to the compilation directory), or null. */
    public String sourcePath() {
        return frame.getSource() == null ? null : frame.getSource().getPath();
    }

    /** The frame's pc, as the adapter writes addresses ("0x0000000000010234"). */
    public String instructionPointer() {
        return frame.getInstructionPointerReference();
    }

    public int level() {
        return level;
    }

    /** The id the adapter gave the frame at this stop: what evaluate and scopes name it by. */
    int frameId() {
        return frame.getId();
    }

    @Override
    public IThread getThread() {
        return thread;
    }

    private synchronized Scope[] scopes() throws DebugException {
        if (scopes == null) {
            ScopesArguments arguments = new ScopesArguments();
            arguments.setFrameId(frame.getId());
            scopes = adapter().call("scopes", adapter -> adapter.scopes(arguments)).getScopes();
        }
        return scopes;
    }

    @Override
    public synchronized IVariable[] getVariables() throws DebugException {
        if (variables == null) {
            List<IVariable> shown = new ArrayList<>();
            for (Scope scope : scopes()) {
                if (scope.getName().equals(LOCALS_SCOPE)) {
                    shown.addAll(List.of(new FaultlineValue(target(), "", scope.getVariablesReference()).getVariables()));
                } else if (!scope.getName().equals(REGISTERS_SCOPE)) {
                    shown.add(new FaultlineVariable(target(), 0, scope.getName(), "", null, scope.getVariablesReference()));
                }
            }
            variables = shown.toArray(IVariable[]::new);
        }
        return variables;
    }

    @Override
    public boolean hasVariables() throws DebugException {
        return getVariables().length > 0;
    }

    @Override
    public synchronized IRegisterGroup[] getRegisterGroups() throws DebugException {
        if (registerGroups == null) {
            List<IRegisterGroup> groups = new ArrayList<>();
            for (Scope scope : scopes()) {
                if (scope.getName().equals(REGISTERS_SCOPE)) {
                    groups.add(new FaultlineRegisterGroup(thread, "Registers (trapframe)", scope.getVariablesReference()));
                }
            }
            registerGroups = groups.toArray(IRegisterGroup[]::new);
        }
        return registerGroups;
    }

    @Override
    public boolean hasRegisterGroups() throws DebugException {
        return true;
    }

    @Override
    public int getLineNumber() {
        return frame.getLine() > 0 ? frame.getLine() : -1;
    }

    @Override
    public int getCharStart() {
        return -1;
    }

    @Override
    public int getCharEnd() {
        return -1;
    }

    /** "main() at ipc.c:120 (pc 0x…)": the file's name only, the full path is in the editor. */
    @Override
    public String getName() {
        String path = sourcePath();
        String where = path == null ? "" : " at " + path.substring(path.lastIndexOf('/') + 1) + ":" + getLineNumber();
        return frame.getName() + "()" + where + " (pc " + instructionPointer() + ")";
    }

    @Override
    public boolean canStepInto() {
        return thread.canStepInto();
    }

    @Override
    public boolean canStepOver() {
        return thread.canStepOver();
    }

    @Override
    public boolean canStepReturn() {
        return thread.canStepReturn();
    }

    @Override
    public boolean isStepping() {
        return thread.isStepping();
    }

    @Override
    public void stepInto() throws DebugException {
        thread.stepInto();
    }

    @Override
    public void stepOver() throws DebugException {
        thread.stepOver();
    }

    @Override
    public void stepReturn() throws DebugException {
        thread.stepReturn();
    }

    @Override
    public boolean canResume() {
        return thread.canResume();
    }

    @Override
    public boolean canSuspend() {
        return thread.canSuspend();
    }

    @Override
    public boolean isSuspended() {
        return thread.isSuspended();
    }

    @Override
    public void resume() throws DebugException {
        thread.resume();
    }

    @Override
    public void suspend() throws DebugException {
        thread.suspend();
    }

    @Override
    public boolean canTerminate() {
        return thread.canTerminate();
    }

    @Override
    public boolean isTerminated() {
        return thread.isTerminated();
    }

    @Override
    public void terminate() throws DebugException {
        thread.terminate();
    }
}
