package dev.faultline.dap.handler;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import dev.faultline.dap.server.DapSession;
import dev.faultline.dap.server.References;
import dev.faultline.dap.server.References.ScopeRef;
import dev.faultline.dap.session.Debuggee;
import dev.faultline.dap.session.Globals;
import dev.faultline.dap.session.Locals;
import dev.faultline.dap.session.SessionException;
import dev.faultline.dap.session.ThreadContext;
import dev.faultline.dap.session.TypedValues;
import dev.faultline.emulator.dwarf.DwarfFormatException;
import dev.faultline.kernel.object.Tcb;

/**
 * The C values behind the variables containers a client holds (a frame's Locals and Globals, the
 * members, elements or pointee of a value) and behind a bare name in a frame: what variables,
 * evaluate, setVariable and dataBreakpointInfo read alike.
 */
final class TypedContainers {

    private TypedContainers() {
    }

    /**
     * The typed values a container holds: a frame's Locals or Globals, or the parts of a value;
     * empty for the scopes of machine values (registers, fault, IPC) and for no container.
     */
    static Optional<List<TypedValues.Value>> values(DapSession session, Object container) {
        if (container instanceof References.PartsRef parts) {
            return Optional.of(session.call(debuggee -> {
                try {
                    return TypedValues.parts(new ThreadContext(debuggee.machine(), debuggee.machine().thread(parts.thread()))::read,
                            parts.parts());
                } catch (DwarfFormatException e) {
                    throw new SessionException(SessionException.BAD_ARGUMENT, "the value's type is unreadable: "
                            + e.getMessage());
                }
            }));
        }
        if (container instanceof ScopeRef scope
                && (scope.scope() == References.Scope.LOCALS || scope.scope() == References.Scope.GLOBALS)) {
            return Optional.of(session.call(debuggee -> {
                ThreadContext thread = new ThreadContext(debuggee.machine(), debuggee.machine().thread(scope.thread()));
                return scope.scope() == References.Scope.LOCALS ? Locals.ofFrame(thread, scope.level())
                        : Globals.ofFrame(thread, scope.level());
            }));
        }
        return Optional.empty();
    }

    /** The memory a client may open for a value: where a pointer points, else where the value is stored. */
    static OptionalLong memoryOf(TypedValues.Value value) {
        return value.parts().orElse(null) instanceof TypedValues.Parts.Pointee pointee ? OptionalLong.of(pointee.address())
                : value.address();
    }

    /** The variable a bare name means in a frame, as C scopes it: a local (innermost first), else a global of its unit. */
    static Optional<TypedValues.Value> frameVariable(DapSession session, References.FrameRef frame, String name) {
        return session.call(debuggee -> {
            ThreadContext thread = new ThreadContext(debuggee.machine(), debuggee.machine().thread(frame.thread()));
            Optional<TypedValues.Value> local = Locals.ofFrame(thread, frame.level()).stream()
                    .filter(value -> value.name().equals(name)).findFirst();
            return local.isPresent() ? local : Globals.ofFrame(thread, frame.level()).stream()
                    .filter(value -> value.name().equals(name)).findFirst();
        });
    }

    /**
     * Whose names an expression reads: the frame's thread at the frame's level, else the stopped
     * thread, else (for requests that may come while the machine runs) the machine's first thread.
     */
    static ThreadContext expressionContext(Debuggee debuggee, References.FrameRef frame) {
        Tcb tcb = frame != null ? debuggee.machine().thread(frame.thread())
                : debuggee.stop() != null ? debuggee.machine().thread(debuggee.stop().thread())
                : debuggee.machine().threads().get(0);
        return new ThreadContext(debuggee.machine(), tcb).inFrame(frame == null ? 0 : frame.level());
    }

    /** As expressionContext, for requests that need a stopped thread when no frame names one. */
    static ThreadContext stoppedContext(Debuggee debuggee, References.FrameRef frame) {
        if (frame == null && debuggee.stop() == null) {
            throw new SessionException(SessionException.NOT_STOPPED,
                    "the machine is running: an expression needs a stopped thread (pause first)");
        }
        return expressionContext(debuggee, frame);
    }

    /** Why a value cannot be written or watched: it is not stored whole in the thread's memory. */
    static String notStored(TypedValues.Value value) {
        return "'" + value.name() + "' is not stored whole in memory here (a value the compiler keeps in a register or"
                + " computed, or a bit-field): only memory can be";
    }
}
