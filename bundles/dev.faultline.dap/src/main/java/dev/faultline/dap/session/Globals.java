package dev.faultline.dap.session;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import dev.faultline.emulator.dwarf.CompilationUnit;
import dev.faultline.emulator.dwarf.DebugInfo;
import dev.faultline.emulator.dwarf.Die;
import dev.faultline.emulator.dwarf.DwarfAttribute;
import dev.faultline.emulator.dwarf.DwarfExpression;
import dev.faultline.emulator.dwarf.DwarfFormatException;
import dev.faultline.emulator.dwarf.DwarfTag;

/**
 * The variables a frame's compilation unit defines at file scope, C's globals and file statics
 * (DWARF 5 section 4.1: a DW_TAG_variable child of the unit with a location or a constant value;
 * a declaration of a variable defined elsewhere has neither), read by their types as Locals are.
 */
public final class Globals {

    private Globals() {
    }

    /** The globals of the compilation unit of a thread's frame at a level of its backtrace, in declaration order. */
    public static List<TypedValues.Value> ofFrame(ThreadContext thread, int level) {
        List<Backtrace.StackFrame> frames = Backtrace.of(thread, level + 1);
        if (level >= frames.size()) {
            return List.of();
        }
        long pc = frames.get(level).scopePc();
        Optional<CompilationUnit> unit = thread.program().debugInfo().flatMap(info -> info.unitAt(pc));
        if (unit.isEmpty()) {
            return List.of();
        }
        DwarfExpression.Context context = constantAddresses(thread);
        List<TypedValues.Value> globals = new ArrayList<>();
        try {
            for (Die variable : defined(unit.get())) {
                globals.add(Locals.value(thread, variable, variable.name().orElseThrow(), pc, context));
            }
        } catch (DwarfFormatException e) {
            globals.add(new TypedValues.Value("<DWARF>", "unreadable: " + e.getMessage(), "", Optional.empty()));
        }
        return globals;
    }

    /**
     * The global of this name that a compilation unit of the thread's program defines, the first
     * unit's when several define one (file statics of the same name), for a name with no frame.
     */
    public static Optional<TypedValues.Value> named(ThreadContext thread, String name) {
        Die variable = thread.program().globalVariables().get(name);
        if (variable == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Locals.value(thread, variable, name, 0, constantAddresses(thread)));
        } catch (DwarfFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * The C object of the global of this name, as an expression reads it at every breakpoint hit
     * (no text made); an error saying why when the program defines it but it is not available.
     */
    public static Optional<CObject> object(ThreadContext thread, String name) {
        Die variable = thread.program().globalVariables().get(name);
        if (variable == null) {
            return Optional.empty();
        }
        try {
            Locals.Located located = Locals.locate(variable, name, 0, constantAddresses(thread));
            if (located.object().isEmpty()) {
                throw new SessionException(SessionException.EXPRESSION, "'" + name + "' is " + located.unavailable());
            }
            return located.object();
        } catch (DwarfFormatException e) {
            throw new SessionException(SessionException.EXPRESSION, "the DWARF of '" + name + "' is unreadable: "
                    + e.getMessage());
        }
    }

    /** The globals every compilation unit of a program defines, by name: the first unit's where several do. */
    static Map<String, Die> index(DebugInfo info) {
        Map<String, Die> index = new HashMap<>();
        for (CompilationUnit unit : info.units()) {
            try {
                for (Die variable : defined(unit)) {
                    index.putIfAbsent(variable.name().orElseThrow(), variable);
                }
            } catch (DwarfFormatException e) {
                // A unit whose entries cannot be read defines nothing an expression can name.
            }
        }
        return Map.copyOf(index);
    }

    /** Whether the compilation unit of the frame defines any global: a Globals scope without reading them. */
    public static boolean declared(ThreadContext thread, Backtrace.StackFrame frame) {
        Optional<DebugInfo> info = thread.program().debugInfo();
        Optional<CompilationUnit> unit = info.flatMap(i -> i.unitAt(frame.scopePc()));
        try {
            return unit.isPresent() && !defined(unit.get()).isEmpty();
        } catch (DwarfFormatException e) {
            return false;
        }
    }

    private static List<Die> defined(CompilationUnit unit) throws DwarfFormatException {
        List<Die> variables = new ArrayList<>();
        for (Die child : unit.root().children()) {
            if (child.tag() == DwarfTag.VARIABLE && child.name().isPresent()
                    && (child.has(DwarfAttribute.LOCATION) || child.has(DwarfAttribute.CONST_VALUE))) {
                variables.add(child);
            }
        }
        return variables;
    }

    /** How globals are located: their addresses are constants (DW_OP_addr), no register or frame takes part. */
    private static DwarfExpression.Context constantAddresses(ThreadContext thread) {
        return new DwarfExpression.Context(register -> OptionalLong.empty(), thread::read, OptionalLong.empty(),
                OptionalLong.empty());
    }
}
