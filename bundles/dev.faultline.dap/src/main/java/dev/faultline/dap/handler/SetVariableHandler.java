package dev.faultline.dap.handler;

import java.util.Set;

import org.eclipse.lsp4j.debug.EvaluateArguments;
import org.eclipse.lsp4j.debug.EvaluateResponse;
import org.eclipse.lsp4j.debug.InvalidatedAreas;
import org.eclipse.lsp4j.debug.SetExpressionArguments;
import org.eclipse.lsp4j.debug.SetExpressionResponse;
import org.eclipse.lsp4j.debug.SetVariableArguments;
import org.eclipse.lsp4j.debug.SetVariableResponse;

import dev.faultline.dap.server.Convert;
import dev.faultline.dap.server.DapSession;
import dev.faultline.dap.server.References;
import dev.faultline.dap.server.References.ScopeRef;
import dev.faultline.dap.session.CObject;
import dev.faultline.dap.session.Expression;
import dev.faultline.dap.session.SessionException;
import dev.faultline.dap.session.ThreadContext;
import dev.faultline.dap.session.TypedValues;
import dev.faultline.emulator.hart.Registers;
import dev.faultline.emulator.memory.AddressSpace;
import dev.faultline.kernel.object.Tcb;

/**
 * setVariable and setExpression: a register, or a C object stored in memory (a variable of
 * Locals or Globals, a member, an element, a pointee), written in its size. The new value is an
 * expression over the thread's state ("0x10", "sp - 16", "counter + 1").
 */
public final class SetVariableHandler {

    /** The registers a backtrace starts from besides pc: ra, sp and s0 (the frame pointer), by index. */
    private static final Set<Integer> UNWINDING_REGISTERS = Set.of(1, 2, 8);

    private final DapSession session;
    /** What a watch shows: setExpression answers the new value as evaluate would. */
    private final EvaluateHandler evaluation;

    public SetVariableHandler(DapSession session, EvaluateHandler evaluation) {
        this.session = session;
        this.evaluation = evaluation;
    }

    public SetVariableResponse setVariable(SetVariableArguments arguments) {
        Object container = session.references().get(arguments.getVariablesReference());
        if (container instanceof ScopeRef scope && scope.scope() == References.Scope.REGISTERS) {
            String written = setRegister(scope.thread(), arguments.getName(), arguments.getValue());
            SetVariableResponse response = new SetVariableResponse();
            response.setValue(written);
            response.setType("uint64");
            return response;
        }
        if (container instanceof ScopeRef scope && scope.scope() != References.Scope.LOCALS
                && scope.scope() != References.Scope.GLOBALS) {
            throw new SessionException(SessionException.BAD_ARGUMENT, "only registers and variables can be set; "
                    + scope.scope().name().toLowerCase() + " values are the kernel's");
        }
        if (container == null) {
            throw new SessionException(SessionException.BAD_ARGUMENT, "no variables container "
                    + arguments.getVariablesReference() + " at this stop (references last until the machine runs again)");
        }
        return setStored(container, arguments);
    }

    /** Sets a thread's register to an expression's value; answers the register's new value as the Registers scope shows it. */
    private String setRegister(long thread, String name, String valueText) {
        int index = name.equals("pc") ? -1 : Registers.indexOf(name);
        if (index <= 0 && !name.equals("pc")) {
            throw new SessionException(SessionException.BAD_ARGUMENT, "no writable register named '" + name + "'");
        }
        Expression value = Expression.parse(valueText);
        long written = session.call(debuggee -> {
            Tcb tcb = debuggee.machine().thread(thread);
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
            session.invalidated(thread, InvalidatedAreas.STACKS, InvalidatedAreas.VARIABLES);
        } else {
            session.invalidated(thread, InvalidatedAreas.VARIABLES);
        }
        return Convert.hex(written);
    }

    /**
     * setExpression (a watch's Set Value): an expression naming a register (`a0`, `$sp`), or a C
     * object stored in memory (a variable, `shape->corner.x`, `sizes[1]`, `*p`), set to a value.
     */
    public SetExpressionResponse setExpression(SetExpressionArguments arguments) {
        String text = arguments.getExpression() == null ? "" : arguments.getExpression().trim();
        References.FrameRef frame = arguments.getFrameId() == null ? null : session.frame(arguments.getFrameId());
        long thread = session.call(debuggee -> TypedContainers.stoppedContext(debuggee, frame).thread().id());
        String register = text.startsWith("$") ? text.substring(1) : text;
        if (register.equals("pc") || Registers.indexOf(register) > 0) {
            SetExpressionResponse response = new SetExpressionResponse();
            response.setValue(setRegister(thread, register, arguments.getValue()));
            response.setType("uint64");
            return response;
        }
        Expression target = Expression.parse(text);
        Expression value = Expression.parse(arguments.getValue());
        CObject written = session.call(debuggee -> {
            ThreadContext context = TypedContainers.expressionContext(debuggee, frame);
            CObject object = target.object(context).orElseThrow(() -> new SessionException(SessionException.BAD_ARGUMENT,
                    "'" + text + "' names no register or variable: only a register, a variable, a member, an element"
                            + " or a pointee can be set"));
            write(context, object.name(), object.addressOf(), object.scalarSize(), value.evaluate(context));
            return object;
        });
        session.memoryChanged(written.addressOf(), written.scalarSize());
        session.invalidated(thread, InvalidatedAreas.VARIABLES);
        // The new value as the watch shows it: what evaluate answers for the expression.
        EvaluateArguments watch = new EvaluateArguments();
        watch.setExpression(text);
        watch.setFrameId(arguments.getFrameId());
        watch.setContext("watch");
        EvaluateResponse now = evaluation.evaluate(watch);
        SetExpressionResponse response = new SetExpressionResponse();
        response.setValue(now.getResult());
        response.setType(now.getType());
        response.setVariablesReference(now.getVariablesReference());
        response.setMemoryReference(now.getMemoryReference());
        return response;
    }

    /** Writes value little-endian in size bytes at address of the thread's memory, or says why it cannot. */
    private static void write(ThreadContext context, String name, long address, int size, long value) {
        byte[] bytes = new byte[size];
        for (int i = 0; i < size; i++) {
            bytes[i] = (byte) (value >>> (8 * i));
        }
        AddressSpace memory = context.memory();
        if (memory == null || memory.write(address, bytes, 0, size) < size) {
            throw new SessionException(SessionException.MEMORY, "'" + name + "' at " + Convert.address(address)
                    + " is not mapped writable: nothing was written");
        }
    }

    /** A variable stored in memory: the expression's value, written little-endian in the variable's size. */
    private SetVariableResponse setStored(Object container, SetVariableArguments arguments) {
        String name = arguments.getName();
        TypedValues.Value value = named(container, name);
        if (value.address().isEmpty()) {
            throw new SessionException(SessionException.BAD_ARGUMENT, TypedContainers.notStored(value) + " set");
        }
        if (value.size() > 8 || value.parts().orElse(null) instanceof TypedValues.Parts.Aggregate) {
            throw new SessionException(SessionException.BAD_ARGUMENT, "'" + name + "' (" + value.type()
                    + ") is set member by member, element by element: open it");
        }
        long address = value.address().getAsLong();
        int size = (int) value.size();
        Expression expression = Expression.parse(arguments.getValue());
        long thread = container instanceof References.PartsRef parts ? parts.thread() : ((ScopeRef) container).thread();
        session.call(debuggee -> {
            ThreadContext context = new ThreadContext(debuggee.machine(), debuggee.machine().thread(thread));
            write(context, name, address, size, expression.evaluate(context));
            return null;
        });
        // A struct's summary, a pointer's target or a memory view may show the bytes written.
        session.memoryChanged(address, size);
        session.invalidated(thread, InvalidatedAreas.VARIABLES);
        TypedValues.Value now = named(container, name);
        SetVariableResponse response = new SetVariableResponse();
        response.setValue(now.text());
        response.setType(now.type());
        now.parts().ifPresent(parts -> response.setVariablesReference(session.references().add(
                new References.PartsRef(thread, parts, null))));
        return response;
    }

    private TypedValues.Value named(Object container, String name) {
        return TypedContainers.values(session, container).orElseThrow().stream().filter(v -> v.name().equals(name))
                .findFirst().orElseThrow(() -> new SessionException(SessionException.BAD_ARGUMENT,
                        "no variable named '" + name + "' in this container"));
    }
}
