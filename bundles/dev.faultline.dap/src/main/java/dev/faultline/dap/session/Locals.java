package dev.faultline.dap.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import dev.faultline.emulator.dwarf.AddressRange;
import dev.faultline.emulator.dwarf.AttributeValue;
import dev.faultline.emulator.dwarf.Die;
import dev.faultline.emulator.dwarf.DwarfExpression;
import dev.faultline.emulator.dwarf.DwarfAttribute;
import dev.faultline.emulator.dwarf.DwarfFormatException;
import dev.faultline.emulator.dwarf.DwarfTag;

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
        List<Backtrace.StackFrame> frames = Backtrace.of(thread);
        if (level >= frames.size() || frames.get(level).instance().isEmpty()) {
            return List.of();
        }
        Backtrace.StackFrame frame = frames.get(level);
        Die function = frame.instance().get().die();
        List<TypedValues.Value> locals = new ArrayList<>();
        try {
            // An inlined copy has no frame base of its own: it uses that of the function it is inlined into.
            Die owner = function;
            while (owner.tag() != DwarfTag.SUBPROGRAM && owner.parent().isPresent()) {
                owner = owner.parent().get();
            }
            DwarfExpression.Context context = new DwarfExpression.Context(frame.registers(), thread::read,
                    OptionalLong.empty(), frame.cfa());
            Optional<byte[]> base = owner.locationAt(DwarfAttribute.FRAME_BASE, frame.scopePc());
            if (base.isPresent()
                    && DwarfExpression.evaluate(base.get(), context) instanceof DwarfExpression.Location.Memory memory) {
                context = new DwarfExpression.Context(frame.registers(), thread::read,
                        OptionalLong.of(memory.address()), frame.cfa());
            }
            collect(thread, function, frame.scopePc(), context, locals);
        } catch (DwarfFormatException e) {
            locals.add(new TypedValues.Value("<DWARF>", "unreadable: " + e.getMessage(), "", Optional.empty()));
        }
        return locals;
    }

    private static void collect(ThreadContext thread, Die scope, long pc, DwarfExpression.Context context,
            List<TypedValues.Value> locals) throws DwarfFormatException {
        for (Die child : scope.children()) {
            if (child.tag() == DwarfTag.FORMAL_PARAMETER || child.tag() == DwarfTag.VARIABLE) {
                Optional<String> name = child.name();
                if (name.isPresent()) {
                    locals.add(local(thread, child, name.get(), pc, context));
                }
            } else if (child.tag() == DwarfTag.LEXICAL_BLOCK && covers(child.ranges(), pc)) {
                collect(thread, child, pc, context, locals);
            }
        }
    }

    private static boolean covers(List<AddressRange> ranges, long pc) {
        return ranges.stream().anyMatch(range -> range.contains(pc));
    }

    private static TypedValues.Value local(ThreadContext thread, Die variable, String name, long pc,
            DwarfExpression.Context context) throws DwarfFormatException {
        Optional<Die> type = declaredType(variable);
        Optional<byte[]> expression = variable.locationAt(DwarfAttribute.LOCATION, pc);
        if (expression.isEmpty()) {
            // A variable the compiler folded to a constant has DW_AT_const_value and no location.
            OptionalLong constant = constantValue(variable);
            return constant.isPresent() ? TypedValues.scalar(thread, name, type, constant.getAsLong())
                    : unavailable(name, "optimized out", type);
        }
        DwarfExpression.Location location = DwarfExpression.evaluate(expression.get(), context);
        if (location instanceof DwarfExpression.Location.Unavailable unavailable) {
            return unavailable(name, unavailable.reason(), type);
        }
        if (location instanceof DwarfExpression.Location.Value value) {
            return TypedValues.scalar(thread, name, type, value.value());
        }
        if (location instanceof DwarfExpression.Location.Register register) {
            return TypedValues.scalar(thread, name, type, context.registers().read(register.register()).getAsLong());
        }
        return TypedValues.inMemory(thread, name, type, ((DwarfExpression.Location.Memory) location).address());
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
