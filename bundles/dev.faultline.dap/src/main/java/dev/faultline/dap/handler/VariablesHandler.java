package dev.faultline.dap.handler;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.eclipse.lsp4j.debug.Scope;
import org.eclipse.lsp4j.debug.ScopesResponse;
import org.eclipse.lsp4j.debug.Variable;
import org.eclipse.lsp4j.debug.VariablesResponse;

import dev.faultline.dap.server.Convert;
import dev.faultline.dap.server.DapSession;
import dev.faultline.dap.server.References;
import dev.faultline.dap.server.References.ScopeRef;
import dev.faultline.dap.session.Backtrace;
import dev.faultline.dap.session.Globals;
import dev.faultline.dap.session.Locals;
import dev.faultline.dap.session.SessionException;
import dev.faultline.dap.session.ThreadContext;
import dev.faultline.dap.session.TypedValues;
import dev.faultline.emulator.hart.Registers;
import dev.faultline.kernel.api.Fault;
import dev.faultline.kernel.api.MessageInfo;
import dev.faultline.kernel.ipc.IpcBuffer;
import dev.faultline.kernel.ipc.MessageRegisters;
import dev.faultline.kernel.object.Tcb;

/**
 * scopes and variables: a frame's Locals and Globals (C values by their DWARF types), Registers
 * (the thread's trapframe: pc and x1..x31 by ABI name), Fault (the decoded message of its current
 * fault) and IPC (message info, badge and message registers as its registers and IPC buffer hold them).
 */
public final class VariablesHandler {

    private final DapSession session;

    public VariablesHandler(DapSession session) {
        this.session = session;
    }

    public ScopesResponse scopes(int frameId) {
        References.FrameRef frame = session.frame(frameId);
        Set<References.Scope> present = session.call(debuggee -> {
            Tcb tcb = debuggee.machine().thread(frame.thread());
            ThreadContext thread = new ThreadContext(debuggee.machine(), tcb);
            List<Backtrace.StackFrame> frames = Backtrace.of(thread);
            Set<References.Scope> found = EnumSet.noneOf(References.Scope.class);
            if (frame.level() < frames.size() && Locals.declared(frames.get(frame.level()))) {
                found.add(References.Scope.LOCALS);
            }
            if (frame.level() < frames.size() && Globals.declared(thread, frames.get(frame.level()))) {
                found.add(References.Scope.GLOBALS);
            }
            if (tcb.fault() != null) {
                found.add(References.Scope.FAULT);
            }
            return found;
        });
        boolean faulted = present.contains(References.Scope.FAULT);
        List<Scope> scopes = new ArrayList<>();
        if (present.contains(References.Scope.LOCALS)) {
            scopes.add(scope("Locals", "locals", new ScopeRef(References.Scope.LOCALS, frame.thread(), frame.level())));
        }
        if (present.contains(References.Scope.GLOBALS)) {
            scopes.add(scope("Globals", null, new ScopeRef(References.Scope.GLOBALS, frame.thread(), frame.level())));
        }
        scopes.add(scope("Registers", "registers", new ScopeRef(References.Scope.REGISTERS, frame.thread(), frame.level())));
        if (faulted) {
            scopes.add(scope("Fault", null, new ScopeRef(References.Scope.FAULT, frame.thread(), frame.level())));
        }
        scopes.add(scope("IPC", null, new ScopeRef(References.Scope.IPC, frame.thread(), frame.level())));
        ScopesResponse response = new ScopesResponse();
        response.setScopes(scopes.toArray(Scope[]::new));
        return response;
    }

    private Scope scope(String name, String hint, ScopeRef ref) {
        Scope scope = new Scope();
        scope.setName(name);
        scope.setPresentationHint(hint);
        scope.setVariablesReference(session.references().add(ref));
        scope.setExpensive(false);
        return scope;
    }

    public VariablesResponse variables(int reference) {
        Object container = session.references().get(reference);
        Optional<List<TypedValues.Value>> typed = TypedContainers.values(session, container);
        List<Variable> variables;
        if (typed.isPresent()) {
            // A frame's variable reads by its bare name in evaluate; a part by its parent's expression and its own.
            variables = container instanceof References.PartsRef parts ? values(parts.thread(), typed.get(), parts.expression())
                    : values(((ScopeRef) container).thread(), typed.get(), "");
        } else {
            variables = scopeVariables(scopeRef(reference));
        }
        VariablesResponse response = new VariablesResponse();
        response.setVariables(variables.toArray(Variable[]::new));
        return response;
    }

    /**
     * Variables of typed values: those with members, elements or a pointee open into them. Each is
     * named for evaluate as C names it from its parent's expression (empty for a scope's, null
     * when unknown): a member s.m or p->m, an element a[i], a pointee *p.
     */
    private List<Variable> values(long thread, List<TypedValues.Value> values, String parent) {
        List<Variable> variables = new ArrayList<>();
        for (TypedValues.Value value : values) {
            String expression = expression(parent, value.name());
            Variable variable = typed(variable(value.name(), value.text(), expression), value.type());
            value.parts().ifPresent(parts -> variable.setVariablesReference(
                    session.references().add(new References.PartsRef(thread, parts, expression))));
            TypedContainers.memoryOf(value).ifPresent(address -> variable.setMemoryReference(Convert.address(address)));
            variables.add(variable);
        }
        return variables;
    }

    /** How C names a part called name of the value parent names; null when it cannot be named. */
    static String expression(String parent, String name) {
        if (parent == null || name.contains("...") || name.startsWith("<")) {
            return null;
        }
        if (parent.isEmpty()) {
            return name;
        }
        if (name.startsWith("[")) {
            // (*p)[i] has no name in this grammar (no postfix after parentheses).
            return parent.startsWith("*") ? null : parent + name;
        }
        if (name.startsWith("*")) {
            return "*" + parent;
        }
        return parent.startsWith("*") ? parent.substring(1) + "->" + name : parent + "." + name;
    }

    private List<Variable> scopeVariables(ScopeRef scope) {
        return session.call(debuggee -> {
            Tcb tcb = debuggee.machine().thread(scope.thread());
            return switch (scope.scope()) {
                case LOCALS, GLOBALS -> throw new IllegalStateException("typed values are answered by typedValues");
                case REGISTERS -> registers(tcb);
                case FAULT -> fault(tcb.fault());
                case IPC -> ipc(tcb);
            };
        });
    }

    private ScopeRef scopeRef(int reference) {
        if (session.references().get(reference) instanceof ScopeRef scope) {
            return scope;
        }
        throw new SessionException(SessionException.BAD_ARGUMENT, "no variables container " + reference
                + " at this stop (references last until the machine runs again)");
    }

    private static List<Variable> registers(Tcb tcb) {
        List<Variable> variables = new ArrayList<>();
        variables.add(variable("pc", Convert.hex(tcb.registers().pc()), "$pc"));
        for (int i = 1; i < 32; i++) {
            String name = Registers.ABI_NAMES.get(i);
            variables.add(variable(name, Convert.hex(tcb.registers().get(i)), "$" + name));
        }
        return variables;
    }

    private static List<Variable> fault(Fault fault) {
        List<Variable> variables = new ArrayList<>();
        if (fault == null) {
            return variables;
        }
        variables.add(variable("kind", fault.kind(), null));
        variables.add(variable("description", fault.describe(), null));
        variables.add(variable("label", Integer.toString(fault.label()), null));
        for (Map.Entry<String, Long> field : fault.fields().entrySet()) {
            variables.add(variable(field.getKey(), Convert.hex(field.getValue()), null));
        }
        return variables;
    }

    private static List<Variable> ipc(Tcb tcb) {
        MessageInfo info = MessageInfo.fromWord(tcb.registers().get(MessageRegisters.INFO));
        List<Variable> variables = new ArrayList<>();
        variables.add(variable("badge", Convert.hex(tcb.registers().get(MessageRegisters.BADGE)), "$a0"));
        variables.add(variable("info", info.toString(), "$a1"));
        variables.add(variable("info.label", Long.toString(info.label()), null));
        variables.add(variable("info.length", Integer.toString(info.length()), null));
        variables.add(variable("info.extraCaps", Integer.toString(info.extraCaps()), null));
        variables.add(variable("info.capsUnwrapped", Integer.toString(info.capsUnwrapped()), null));
        IpcBuffer buffer = IpcBuffer.of(tcb, IpcBuffer.Use.SEND);
        int shown = Math.max(MessageRegisters.IN_REGISTERS, Math.min(info.length(), MessageInfo.MAX_LENGTH));
        for (int i = 0; i < shown; i++) {
            variables.add(variable("MR" + i, Convert.hex(MessageRegisters.get(tcb, buffer, i)), null));
        }
        return variables;
    }

    private static Variable typed(Variable variable, String type) {
        variable.setType(type);
        return variable;
    }

    private static Variable variable(String name, String value, String evaluateName) {
        Variable variable = new Variable();
        variable.setName(name);
        variable.setValue(value);
        variable.setEvaluateName(evaluateName);
        variable.setVariablesReference(0);
        return variable;
    }
}
