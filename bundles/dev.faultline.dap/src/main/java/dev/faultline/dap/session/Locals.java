package dev.faultline.dap.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicReference;

import dev.faultline.emulator.dwarf.AddressRange;
import dev.faultline.emulator.dwarf.AttributeValue;
import dev.faultline.emulator.dwarf.Die;
import dev.faultline.emulator.dwarf.DwarfExpression;
import dev.faultline.emulator.dwarf.DwarfAttribute;
import dev.faultline.emulator.dwarf.DwarfFormatException;
import dev.faultline.emulator.dwarf.DwarfTag;
import dev.faultline.emulator.dwarf.FunctionKind;
import dev.faultline.emulator.dwarf.RegisterReader;

/**
 * A frame's parameters and local variables where DWARF says where they live (DWARF 5 section 2.6):
 * a single location expression, or the entry of a location list that covers the frame's pc, as
 * optimising compilers describe most variables. Expressions are evaluated with the frame's own
 * registers (in a caller, only those a call preserves), its frame base and its CFA. Values are
 * shown and opened by their type ({@link TypedValues}); a value that is not available says why
 * (optimized out, not saved, known only on entry).
 */
public final class Locals {

    private Locals() {
    }

    /** The variables of a thread's frame at a level of its backtrace (level 0 is the innermost). */
    public static List<TypedValues.Value> ofFrame(ThreadContext thread, int level) {
        return read(thread, level, null);
    }

    /** The variable of this name a thread's frame sees at its pc (the innermost block's, when blocks nest), if any. */
    public static Optional<TypedValues.Value> named(ThreadContext thread, int level, String name) {
        List<TypedValues.Value> found = read(thread, level, name);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(found.size() - 1));
    }

    /** The frame's variables, or only those called name when it is not null. */
    private static List<TypedValues.Value> read(ThreadContext thread, int level, String name) {
        // The frame at level is in the first level + 1 machine frames.
        List<Backtrace.StackFrame> frames = Backtrace.of(thread, level + 1);
        if (level >= frames.size() || frames.get(level).instance().isEmpty()) {
            return List.of();
        }
        Backtrace.StackFrame frame = frames.get(level);
        Die function = frame.instance().get().die();
        List<TypedValues.Value> locals = new ArrayList<>();
        try {
            DwarfExpression.Context context = context(thread, frame, entryValues(thread, level));
            collect(thread, function, frame.scopePc(), context, name, locals);
        } catch (DwarfFormatException e) {
            locals.add(new TypedValues.Value("<DWARF>", "unreadable: " + e.getMessage(), "", Optional.empty()));
        }
        return locals;
    }

    /** Whether the frame's function declares parameters or variables: a Locals scope without reading them. */
    public static boolean declared(Backtrace.StackFrame frame) {
        return frame.instance().isPresent() && declares(frame.instance().get().die());
    }

    private static boolean declares(Die scope) {
        for (Die child : scope.children()) {
            if (child.tag() == DwarfTag.FORMAL_PARAMETER || child.tag() == DwarfTag.VARIABLE
                    || child.tag() == DwarfTag.LEXICAL_BLOCK && declares(child)) {
                return true;
            }
        }
        return false;
    }

    /** How to evaluate expressions in a frame: its registers, its function's frame base, its CFA. */
    private static DwarfExpression.Context context(ThreadContext thread, Backtrace.StackFrame frame,
            RegisterReader entryValues) throws DwarfFormatException {
        Die function = subprogram(frame.instance().get().die());
        Optional<byte[]> base = function.locationAt(DwarfAttribute.FRAME_BASE, frame.scopePc());
        OptionalLong frameBase = OptionalLong.empty();
        if (base.isPresent() && DwarfExpression.evaluate(base.get(), new DwarfExpression.Context(frame.registers(),
                thread::read, OptionalLong.empty(), frame.cfa())) instanceof DwarfExpression.Location.Memory memory) {
            frameBase = OptionalLong.of(memory.address());
        }
        return new DwarfExpression.Context(frame.registers(), thread::read, frameBase, frame.cfa(), entryValues);
    }

    /** The function an inlined copy is inlined into (it has no frame of its own), or the function itself. */
    private static Die subprogram(Die instance) {
        Die owner = instance;
        while (owner.tag() != DwarfTag.SUBPROGRAM && owner.parent().isPresent()) {
            owner = owner.parent().get();
        }
        return owner;
    }

    /**
     * What the registers of the function running at level held on entry, as its caller's call site
     * says (DWARF 5 section 3.4.2, DW_TAG_call_site_parameter): the expression DW_AT_call_value,
     * evaluated in the caller's frame. The caller is the frame past the function's inlined copies.
     */
    private static RegisterReader entryValues(ThreadContext thread, int level) {
        // The caller is unwound only when a location asks for a value on entry: rare, and a
        // condition naming a variable reads it at every breakpoint hit.
        AtomicReference<Optional<Backtrace.StackFrame>> caller = new AtomicReference<>();
        return register -> {
            if (caller.get() == null) {
                caller.set(callerOf(Backtrace.of(thread, level + 2), level));
            }
            if (caller.get().isEmpty()) {
                return OptionalLong.empty();
            }
            Backtrace.StackFrame frame = caller.get().get();
            try {
                Optional<Die> site = callSite(subprogram(frame.instance().get().die()), frame.pc());
                Optional<byte[]> value = site.isEmpty() ? Optional.empty() : parameterValue(site.get(), register);
                if (value.isEmpty()) {
                    return OptionalLong.empty();
                }
                DwarfExpression.Location location = DwarfExpression.evaluate(value.get(),
                        context(thread, frame, r -> OptionalLong.empty()));
                // DW_AT_call_value computes the value itself: the expression's result is the value.
                if (location instanceof DwarfExpression.Location.Memory result) {
                    return OptionalLong.of(result.address());
                }
                if (location instanceof DwarfExpression.Location.Value result) {
                    return OptionalLong.of(result.value());
                }
                if (location instanceof DwarfExpression.Location.Register result) {
                    return frame.registers().read(result.register());
                }
                return OptionalLong.empty();
            } catch (DwarfFormatException e) {
                return OptionalLong.empty();
            }
        };
    }

    /** The frame that called the function running at level: the frame past the function's inlined copies, with DWARF. */
    private static Optional<Backtrace.StackFrame> callerOf(List<Backtrace.StackFrame> frames, int level) {
        int physical = level;
        while (physical < frames.size() && frames.get(physical).instance().isPresent()
                && frames.get(physical).instance().get().kind() == FunctionKind.INLINED) {
            physical++;
        }
        if (physical + 1 >= frames.size() || frames.get(physical + 1).instance().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(frames.get(physical + 1));
    }

    /** The call site in function (at any depth) whose return address is returnPc. */
    private static Optional<Die> callSite(Die function, long returnPc) throws DwarfFormatException {
        for (Die child : function.children()) {
            if (child.tag() == DwarfTag.CALL_SITE || child.tag() == DwarfTag.GNU_CALL_SITE) {
                // DWARF 5 names the return address; the GNU extension's low_pc is the same address.
                OptionalLong at = child.has(DwarfAttribute.CALL_RETURN_PC) ? child.address(DwarfAttribute.CALL_RETURN_PC)
                        : child.has(DwarfAttribute.LOW_PC) ? child.address(DwarfAttribute.LOW_PC) : OptionalLong.empty();
                if (at.isPresent() && at.getAsLong() == returnPc) {
                    return Optional.of(child);
                }
            } else if (!child.children().isEmpty()) {
                Optional<Die> inside = callSite(child, returnPc);
                if (inside.isPresent()) {
                    return inside;
                }
            }
        }
        return Optional.empty();
    }

    /** The value expression of the call site's parameter passed in register. */
    private static Optional<byte[]> parameterValue(Die site, int register) {
        for (Die parameter : site.children()) {
            if (parameter.tag() != DwarfTag.CALL_SITE_PARAMETER && parameter.tag() != DwarfTag.GNU_CALL_SITE_PARAMETER) {
                continue;
            }
            Optional<AttributeValue> location = parameter.attribute(DwarfAttribute.LOCATION);
            if (location.isEmpty() || location.get().block() == null) {
                continue;
            }
            byte[] where = location.get().blockBytes();
            if (where.length == 1 && (where[0] & 0xff) == 0x50 + register) { // DW_OP_regN
                Optional<AttributeValue> value = parameter.attribute(DwarfAttribute.CALL_VALUE)
                        .or(() -> parameter.attribute(DwarfAttribute.GNU_CALL_SITE_VALUE));
                return value.isPresent() && value.get().block() != null ? Optional.of(value.get().blockBytes())
                        : Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** The variables of scope and of its blocks that cover pc, outer first; only those called only, when it is not null. */
    private static void collect(ThreadContext thread, Die scope, long pc, DwarfExpression.Context context, String only,
            List<TypedValues.Value> locals) throws DwarfFormatException {
        for (Die child : scope.children()) {
            if (child.tag() == DwarfTag.FORMAL_PARAMETER || child.tag() == DwarfTag.VARIABLE) {
                Optional<String> name = child.name();
                if (name.isPresent() && (only == null || only.equals(name.get()))) {
                    locals.add(value(thread, child, name.get(), pc, context));
                }
            } else if (child.tag() == DwarfTag.LEXICAL_BLOCK && covers(child.ranges(), pc)) {
                collect(thread, child, pc, context, only, locals);
            }
        }
    }

    private static boolean covers(List<AddressRange> ranges, long pc) {
        return ranges.stream().anyMatch(range -> range.contains(pc));
    }

    /** A variable's value where its location (at pc, evaluated in context) or its constant value says. */
    static TypedValues.Value value(ThreadContext thread, Die variable, String name, long pc,
            DwarfExpression.Context context) throws DwarfFormatException {
        Located located = locate(variable, name, pc, context);
        if (located.object().isEmpty()) {
            return unavailable(name, located.unavailable(), located.type());
        }
        CObject object = located.object().get();
        TypedValues.Value value = object.address().isPresent()
                ? TypedValues.inMemory(thread::read, name, located.type(), object.address().getAsLong())
                : TypedValues.scalar(thread::read, name, located.type(), object.bits());
        return value.as(object);
    }

    /** Where a variable is: its C object, or why it has none at this pc. */
    record Located(Optional<Die> type, Optional<CObject> object, String unavailable) {
    }

    /** Where a variable's location (at pc, evaluated in context) or its constant value puts it. */
    static Located locate(Die variable, String name, long pc, DwarfExpression.Context context)
            throws DwarfFormatException {
        Optional<Die> type = declaredType(variable);
        Optional<byte[]> expression = variable.locationAt(DwarfAttribute.LOCATION, pc);
        if (expression.isEmpty()) {
            // A variable the compiler folded to a constant has DW_AT_const_value and no location.
            OptionalLong constant = constantValue(variable);
            return constant.isPresent() ? new Located(type, Optional.of(CObject.held(name, type, constant.getAsLong())), null)
                    : new Located(type, Optional.empty(), "optimized out");
        }
        DwarfExpression.Location location = DwarfExpression.evaluate(expression.get(), context);
        CObject object;
        if (location instanceof DwarfExpression.Location.Unavailable unavailable) {
            return new Located(type, Optional.empty(), unavailable.reason());
        } else if (location instanceof DwarfExpression.Location.Value value) {
            object = CObject.held(name, type, value.value());
        } else if (location instanceof DwarfExpression.Location.Register register) {
            object = CObject.held(name, type, context.registers().read(register.register()).getAsLong());
        } else {
            object = CObject.inMemory(name, type, ((DwarfExpression.Location.Memory) location).address());
        }
        return new Located(type, Optional.of(object), null);
    }

    private static TypedValues.Value unavailable(String name, String reason, Optional<Die> type)
            throws DwarfFormatException {
        return new TypedValues.Value(name, "<" + reason + ">", TypedValues.typeName(type), Optional.empty());
    }

    private static OptionalLong constantValue(Die variable) throws DwarfFormatException {
        for (Die die : variable.origins()) {
            Optional<AttributeValue> value = die.attribute(DwarfAttribute.CONST_VALUE);
            if (value.isPresent() && value.get().block() == null) {
                return OptionalLong.of(value.get().value());
            }
        }
        return OptionalLong.empty();
    }

    /** DW_AT_type here or along the origin chain: an inlined copy's variables name their type through their origin. */
    private static Optional<Die> declaredType(Die variable) throws DwarfFormatException {
        for (Die die : variable.origins()) {
            if (die.has(DwarfAttribute.TYPE)) {
                return die.reference(DwarfAttribute.TYPE);
            }
        }
        return Optional.empty();
    }
}
