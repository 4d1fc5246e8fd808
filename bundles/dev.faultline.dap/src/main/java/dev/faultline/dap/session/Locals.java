package dev.faultline.dap.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import dev.faultline.emulator.dwarf.AddressRange;
import dev.faultline.emulator.dwarf.Die;
import dev.faultline.emulator.dwarf.DwarfExpression;
import dev.faultline.emulator.dwarf.DwarfAttribute;
import dev.faultline.emulator.dwarf.DwarfFormatException;
import dev.faultline.emulator.dwarf.DwarfTag;

/**
 * A frame's parameters and local variables where DWARF says where they live (DWARF 5 section 2.6):
 * a single location expression, or the entry of a location list that covers the frame's pc, as
 * optimising compilers describe most variables. Expressions are evaluated with the frame's own
 * registers (in a caller, only those a call preserves), its frame base and its CFA. Values of
 * base types and pointers are read; other types show their address; a value that is not
 * available says why (optimized out, not saved, known only on entry).
 */
public final class Locals {

    /** One variable of a frame: its name, its value as text, its type's name. */
    public record Local(String name, String value, String type) {
    }

    // DWARF numbers this reader needs beyond the emulator's tables (DWARF 5 sections 7.5.4, 7.8).
    private static final int AT_BYTE_SIZE = 0x0b;
    private static final int AT_ENCODING = 0x3e;
    private static final int TAG_POINTER = 0x0f;
    private static final int TAG_TYPEDEF = 0x16;
    private static final int TAG_BASE = 0x24;
    private static final int TAG_CONST = 0x26;
    private static final int TAG_VOLATILE = 0x35;
    private static final int ENCODING_SIGNED = 0x05;
    private static final int ENCODING_SIGNED_CHAR = 0x06;

    private Locals() {
    }

    /** The variables of a thread's frame at a level of its backtrace (level 0 is the innermost). */
    public static List<Local> ofFrame(ThreadContext thread, int level) {
        List<Backtrace.StackFrame> frames = Backtrace.of(thread);
        if (level >= frames.size() || frames.get(level).instance().isEmpty()) {
            return List.of();
        }
        Backtrace.StackFrame frame = frames.get(level);
        Die function = frame.instance().get().die();
        List<Local> locals = new ArrayList<>();
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
            locals.add(new Local("<DWARF>", "unreadable: " + e.getMessage(), ""));
        }
        return locals;
    }

    private static void collect(ThreadContext thread, Die scope, long pc, DwarfExpression.Context context,
            List<Local> locals) throws DwarfFormatException {
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

    private static Local local(ThreadContext thread, Die variable, String name, long pc, DwarfExpression.Context context)
            throws DwarfFormatException {
        Type type = type(declaredType(variable));
        Optional<byte[]> expression = variable.locationAt(DwarfAttribute.LOCATION, pc);
        if (expression.isEmpty()) {
            return new Local(name, "<optimized out>", type.name());
        }
        DwarfExpression.Location location = DwarfExpression.evaluate(expression.get(), context);
        if (location instanceof DwarfExpression.Location.Unavailable unavailable) {
            return new Local(name, "<" + unavailable.reason() + ">", type.name());
        }
        if (location instanceof DwarfExpression.Location.Value value) {
            return new Local(name, type.scalar() ? type.format(value.value()) : "<computed value>", type.name());
        }
        if (location instanceof DwarfExpression.Location.Register register) {
            return new Local(name, type.scalar()
                    ? type.format(context.registers().read(register.register()).getAsLong())
                    : "<in register x" + register.register() + ">", type.name());
        }
        long address = ((DwarfExpression.Location.Memory) location).address();
        if (!type.scalar()) {
            return new Local(name, "{...} at 0x" + Long.toHexString(address), type.name());
        }
        OptionalLong raw = thread.read(address, type.size());
        return new Local(name, raw.isPresent() ? type.format(raw.getAsLong()) : "<unreadable memory>", type.name());
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

    /** What a variable's type says about reading it: its name, size, and whether it is signed or a pointer. */
    private record Type(String name, int size, boolean signed, boolean pointer, boolean scalar) {

        String format(long raw) {
            if (pointer) {
                return "0x" + Long.toHexString(raw);
            }
            long value = size >= 8 ? raw : raw & ((1L << (size * 8)) - 1);
            if (signed && size < 8 && (value & (1L << (size * 8 - 1))) != 0) {
                value |= -1L << (size * 8);
            }
            return signed ? Long.toString(value) : Long.toUnsignedString(value);
        }
    }

    private static Type type(Optional<Die> declared) throws DwarfFormatException {
        String name = null;
        Optional<Die> type = declared;
        for (int depth = 0; type.isPresent() && depth < 16; depth++) {
            Die die = type.get();
            if (name == null) {
                name = die.name().orElse(null);
            }
            switch (die.tag()) {
                case TAG_TYPEDEF, TAG_CONST, TAG_VOLATILE -> type = die.reference(DwarfAttribute.TYPE);
                case TAG_POINTER -> {
                    return new Type(name != null ? name : pointee(die) + " *", 8, false, true, true);
                }
                case TAG_BASE -> {
                    int size = (int) die.constant(AT_BYTE_SIZE).orElse(8);
                    long encoding = die.constant(AT_ENCODING).orElse(0);
                    boolean signed = encoding == ENCODING_SIGNED || encoding == ENCODING_SIGNED_CHAR;
                    return new Type(name, size, signed, false, size >= 1 && size <= 8);
                }
                default -> {
                    return new Type(name != null ? name : "?", 0, false, false, false);
                }
            }
        }
        return new Type(name != null ? name : "void", 0, false, false, false);
    }

    private static String pointee(Die pointer) throws DwarfFormatException {
        Optional<Die> target = pointer.reference(DwarfAttribute.TYPE);
        return target.isPresent() ? target.get().name().orElse("?") : "void";
    }
}
