package dev.faultline.dap.handler;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.lsp4j.debug.InvalidatedAreas;
import org.eclipse.lsp4j.debug.Scope;
import org.eclipse.lsp4j.debug.ScopesResponse;
import org.eclipse.lsp4j.debug.SetVariableArguments;
import org.eclipse.lsp4j.debug.SetVariableResponse;
import org.eclipse.lsp4j.debug.Variable;
import org.eclipse.lsp4j.debug.VariablesResponse;

import dev.faultline.dap.server.Convert;
import dev.faultline.dap.server.DapSession;
import dev.faultline.dap.server.References;
import dev.faultline.dap.server.References.ScopeRef;
import dev.faultline.dap.session.Debuggee;
import dev.faultline.dap.session.Expression;
import dev.faultline.dap.session.Locals;
import dev.faultline.dap.session.SessionException;
import dev.faultline.dap.session.ThreadContext;
import dev.faultline.dap.session.TypedValues;
import dev.faultline.emulator.dwarf.DwarfFormatException;
import dev.faultline.emulator.hart.Registers;
import dev.faultline.kernel.api.Fault;
import dev.faultline.kernel.api.MessageInfo;
import dev.faultline.kernel.ipc.IpcBuffer;
import dev.faultline.kernel.ipc.MessageRegisters;
import dev.faultline.kernel.object.Tcb;

/**
 * scopes, variables and setVariable: a frame's Registers (the thread's trapframe: pc and x1..x31
 * by ABI name), Fault (the decoded message of its current fault) and IPC (message info, badge and
 * message registers as its registers and IPC buffer hold them).
 */
public final class VariablesHandler {

    /** The registers a backtrace starts from besides pc: ra, sp and s0 (the frame pointer), by index. */
    private static final java.util.Set<Integer> UNWINDING_REGISTERS = java.util.Set.of(1, 2, 8);

    private final DapSession session;

    public VariablesHandler(DapSession session) {
        this.session = session;
    }

    public ScopesResponse scopes(int frameId) {
        References.FrameRef frame = session.frame(frameId);
        boolean faulted = session.call(debuggee -> debuggee.machine().thread(frame.thread()).fault() != null);
        boolean hasLocals = session.call(debuggee -> Locals.declared(
                new ThreadContext(debuggee.machine(), debuggee.machine().thread(frame.thread())), frame.level()));
        List<Scope> scopes = new ArrayList<>();
        if (hasLocals) {
            scopes.add(scope("Locals", "locals", new ScopeRef(References.Scope.LOCALS, frame.thread(), frame.level())));
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
        List<Variable> variables;
        if (session.references().get(reference) instanceof References.PartsRef parts) {
            variables = values(parts.thread(), session.call(debuggee -> {
                try {
                    return TypedValues.parts(new ThreadContext(debuggee.machine(), debuggee.machine().thread(parts.thread()))::read,
                            parts.parts());
                } catch (DwarfFormatException e) {
                    throw new SessionException(SessionException.BAD_ARGUMENT, "the value's type is unreadable: "
                            + e.getMessage());
                }
            }));
        } else {
            variables = scopeVariables(scopeRef(reference));
        }
        VariablesResponse response = new VariablesResponse();
        response.setVariables(variables.toArray(Variable[]::new));
        return response;
    }

    /** Variables of typed values: those with members, elements or a pointee open into them. */
    private List<Variable> values(long thread, List<TypedValues.Value> values) {
        List<Variable> variables = new ArrayList<>();
        for (TypedValues.Value value : values) {
            Variable variable = typed(variable(value.name(), value.text(), null), value.type());
            value.parts().ifPresent(parts -> variable.setVariablesReference(
                    session.references().add(new References.PartsRef(thread, parts))));
            variables.add(variable);
        }
        return variables;
    }

    private List<Variable> scopeVariables(ScopeRef scope) {
        if (scope.scope() == References.Scope.LOCALS) {
            List<Variable> locals = values(scope.thread(), session.call(debuggee -> locals(debuggee, scope.thread(), scope.level())));
            locals.forEach(local -> local.setEvaluateName(local.getName()));
            return locals;
        }
        return session.call(debuggee -> {
            Tcb tcb = debuggee.machine().thread(scope.thread());
            return switch (scope.scope()) {
                case LOCALS -> throw new IllegalStateException("answered above");
                case REGISTERS -> registers(tcb);
                case FAULT -> fault(tcb.fault());
                case IPC -> ipc(tcb);
            };
        });
    }

    /** setVariable on a register: the value is an expression over the thread's state ("0x10", "sp - 16"). */
    public SetVariableResponse setVariable(SetVariableArguments arguments) {
        ScopeRef scope = scopeRef(arguments.getVariablesReference());
        if (scope.scope() != References.Scope.REGISTERS) {
            throw new SessionException(SessionException.BAD_ARGUMENT, "only registers can be set; "
                    + scope.scope().name().toLowerCase() + " values are the kernel's");
        }
        String name = arguments.getName();
        int index = name.equals("pc") ? -1 : Registers.indexOf(name);
        if (index <= 0 && !name.equals("pc")) {
            throw new SessionException(SessionException.BAD_ARGUMENT, "no writable register named '" + name + "'");
        }
        Expression value = Expression.parse(arguments.getValue());
        long written = session.call(debuggee -> {
            Tcb tcb = debuggee.machine().thread(scope.thread());
            long v = value.evaluate(new ThreadContext(debuggee.machine(), tcb));
            if (index < 0) {
                tcb.registers().setPc(v);
            } else {
                tcb.registers().set(index, v);
            }
            return v;
        });
        // The response gives the register's new value; what derives from it is stale: locals,
        // the IPC scope's words, and the frames when the register is one the unwinding reads.
        if (index < 0 || UNWINDING_REGISTERS.contains(index)) {
            session.invalidated(scope.thread(), InvalidatedAreas.STACKS, InvalidatedAreas.VARIABLES);
        } else {
            session.invalidated(scope.thread(), InvalidatedAreas.VARIABLES);
        }
        SetVariableResponse response = new SetVariableResponse();
        response.setValue(Convert.hex(written));
        response.setType("uint64");
        return response;
    }

    private ScopeRef scopeRef(int reference) {
        if (session.references().get(reference) instanceof ScopeRef scope) {
            return scope;
        }
        throw new SessionException(SessionException.BAD_ARGUMENT, "no variables container " + reference
                + " at this stop (references last until the machine runs again)");
    }

    private static List<TypedValues.Value> locals(Debuggee debuggee, long threadId, int level) {
        return Locals.ofFrame(new ThreadContext(debuggee.machine(), debuggee.machine().thread(threadId)), level);
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
