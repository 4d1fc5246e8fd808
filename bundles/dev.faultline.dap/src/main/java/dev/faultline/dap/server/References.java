package dev.faultline.dap.server;

import java.util.ArrayList;
import java.util.List;

import dev.faultline.dap.session.TypedValues;

/**
 * The numbers a client uses for stack frames and variable containers while the machine is
 * stopped: handed out from 1, forgotten whenever the machine runs again (DAP's lifetime rule).
 */
public final class References {

    private final List<Object> objects = new ArrayList<>();

    /** A stack frame of a thread. */
    public record FrameRef(long thread, int level) {
    }

    /** A variables container: a scope of a thread's frame. */
    public record ScopeRef(Scope scope, long thread, int level) {
    }

    /**
     * A variables container: the members, elements or pointee of a value of a thread; expression
     * is how an expression names that value (its children's evaluateName grow from it), or null.
     */
    public record PartsRef(long thread, TypedValues.Parts parts, String expression) {
    }

    /** A place a goto request can move a thread to: an address of a source line. */
    public record GotoRef(long address) {
    }

    /** The scopes a frame has. */
    public enum Scope {
        LOCALS,
        GLOBALS,
        REGISTERS,
        FAULT,
        IPC
    }

    public synchronized int add(Object object) {
        int index = objects.indexOf(object);
        if (index >= 0) {
            return index + 1;
        }
        objects.add(object);
        return objects.size();
    }

    /** The object a reference names, or null for a stale or unknown one. */
    public synchronized Object get(int reference) {
        return reference >= 1 && reference <= objects.size() ? objects.get(reference - 1) : null;
    }

    public synchronized void clear() {
        objects.clear();
    }
}
