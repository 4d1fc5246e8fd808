package dev.faultline.dap.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import dev.faultline.emulator.dwarf.AddressRange;
import dev.faultline.emulator.dwarf.AttributeValue;
import dev.faultline.emulator.dwarf.Die;
import dev.faultline.emulator.dwarf.DwarfAttribute;
import dev.faultline.emulator.dwarf.DwarfFormatException;
import dev.faultline.emulator.dwarf.DwarfTag;
import dev.faultline.emulator.dwarf.Function;

/**
 * A frame's parameters and local variables where DWARF says where they live (DWARF 5 section 2.6,
 * single location descriptions): on the stack at an offset from the frame base (DW_OP_fbreg, the
 * frame base being the CFA or a register), in a register (frame 0 only), or at a fixed address.
 * Values of base types and pointers are read; other types show their address; a location this
 * reader does not follow (location lists, composite descriptions) says so.
 */
public final class Locals {

    /** One variable of a frame: its name, its value as text, its type's name. */
    public record Local(String name, String value, String type) {
    }

    // DWARF numbers this reader needs beyond the emulator's tables (DWARF 5 sections 7.5.4, 7.7.1, 7.8).
    private static final int AT_BYTE_SIZE = 0x0b;
    private static final int AT_ENCODING = 0x3e;
    private static final int TAG_POINTER = 0x0f;
    private static final int TAG_TYPEDEF = 0x16;
    private static final int TAG_BASE = 0x24;
    private static final int TAG_CONST = 0x26;
    private static final int TAG_VOLATILE = 0x35;
    private static final int OP_ADDR = 0x03;
    private static final int OP_REG0 = 0x50;
    private static final int OP_REG31 = 0x6f;
    private static final int OP_BREG0 = 0x70;
    private static final int OP_BREG31 = 0x8f;
    private static final int OP_FBREG = 0x91;
    private static final int OP_CALL_FRAME_CFA = 0x9c;
    private static final int ENCODING_SIGNED = 0x05;
    private static final int ENCODING_SIGNED_CHAR = 0x06;

    private Locals() {
    }

    /** The variables of a thread's frame at a level of its backtrace (level 0 is the innermost). */
    public static List<Local> ofFrame(ThreadContext thread, int level) {
        List<Backtrace.StackFrame> frames = Backtrace.of(thread);
        if (level >= frames.size()) {
            return List.of();
        }
        Backtrace.StackFrame frame = frames.get(level);
        // A caller's pc is a return address: its variables are those in scope at the call.
        long pc = level == 0 ? frame.pc() : frame.pc() - 1;
        return of(thread, pc, frame.cfa(), level == 0);
    }

    /** The variables in scope at pc in the frame whose CFA is cfa; innermost is frame 0 (its registers are live). */
    public static List<Local> of(ThreadContext thread, long pc, OptionalLong cfa, boolean innermost) {
        List<Function> functions = thread.program().debugInfo().map(info -> info.functionsAt(pc)).orElse(List.of());
        if (functions.isEmpty()) {
            return List.of();
        }
        Function function = functions.get(functions.size() - 1);
        List<Local> locals = new ArrayList<>();
        try {
            OptionalLong frameBase = frameBase(thread, function.die(), cfa, innermost);
            collect(thread, function.die(), pc, frameBase, innermost, locals);
        } catch (DwarfFormatException e) {
            locals.add(new Local("<DWARF>", "unreadable: " + e.getMessage(), ""));
        }
        return locals;
    }

    private static void collect(ThreadContext thread, Die scope, long pc, OptionalLong frameBase, boolean innermost,
            List<Local> locals) throws DwarfFormatException {
        for (Die child : scope.children()) {
            if (child.tag() == DwarfTag.FORMAL_PARAMETER || child.tag() == DwarfTag.VARIABLE) {
                Optional<String> name = child.name();
                if (name.isPresent()) {
                    locals.add(local(thread, child, name.get(), frameBase, innermost));
                }
            } else if (child.tag() == DwarfTag.LEXICAL_BLOCK && covers(child.ranges(), pc)) {
                collect(thread, child, pc, frameBase, innermost, locals);
            }
        }
    }

    private static boolean covers(List<AddressRange> ranges, long pc) {
        return ranges.stream().anyMatch(range -> range.contains(pc));
    }

    private static OptionalLong frameBase(ThreadContext thread, Die function, OptionalLong cfa, boolean innermost) {
        byte[] expression = expression(function, DwarfAttribute.FRAME_BASE);
        if (expression == null || expression.length == 0) {
            return OptionalLong.empty();
        }
        int op = expression[0] & 0xff;
        if (op == OP_CALL_FRAME_CFA) {
            return cfa;
        }
        if (op >= OP_REG0 && op <= OP_REG31 && innermost) {
            return thread.register("x" + (op - OP_REG0));
        }
        return OptionalLong.empty();
    }

    private static Local local(ThreadContext thread, Die variable, String name, OptionalLong frameBase, boolean innermost)
            throws DwarfFormatException {
        Type type = type(variable.reference(DwarfAttribute.TYPE));
        byte[] expression = expression(variable, DwarfAttribute.LOCATION);
        if (expression == null || expression.length == 0) {
            return new Local(name, "<optimized out or in a location list>", type.name());
        }
        int op = expression[0] & 0xff;
        if (op >= OP_REG0 && op <= OP_REG31 && expression.length == 1) {
            return innermost ? new Local(name, type.format(thread.register("x" + (op - OP_REG0)).getAsLong()), type.name())
                    : new Local(name, "<in a register of an inner frame>", type.name());
        }
        OptionalLong address = address(thread, expression, frameBase, innermost);
        if (address.isEmpty()) {
            return new Local(name, "<location not followed>", type.name());
        }
        if (!type.scalar()) {
            return new Local(name, "{...} at 0x" + Long.toHexString(address.getAsLong()), type.name());
        }
        OptionalLong raw = thread.read(address.getAsLong(), type.size());
        return new Local(name, raw.isPresent() ? type.format(raw.getAsLong()) : "<unreadable memory>", type.name());
    }

    /** The address a single memory location description names, when it is one this reader follows. */
    private static OptionalLong address(ThreadContext thread, byte[] expression, OptionalLong frameBase, boolean innermost) {
        int op = expression[0] & 0xff;
        int[] at = {1};
        if (op == OP_FBREG && frameBase.isPresent()) {
            long offset = sleb(expression, at);
            return at[0] == expression.length ? OptionalLong.of(frameBase.getAsLong() + offset) : OptionalLong.empty();
        }
        if (op >= OP_BREG0 && op <= OP_BREG31 && innermost) {
            long offset = sleb(expression, at);
            OptionalLong base = thread.register("x" + (op - OP_BREG0));
            return at[0] == expression.length && base.isPresent() ? OptionalLong.of(base.getAsLong() + offset)
                    : OptionalLong.empty();
        }
        if (op == OP_ADDR && expression.length == 9) {
            long address = 0;
            for (int i = 8; i >= 1; i--) {
                address = address << 8 | (expression[i] & 0xff);
            }
            return OptionalLong.of(address);
        }
        return OptionalLong.empty();
    }

    private static byte[] expression(Die die, int attribute) {
        Optional<AttributeValue> value = die.attribute(attribute);
        return value.isPresent() && value.get().block() != null ? value.get().blockBytes() : null;
    }

    private static long sleb(byte[] bytes, int[] at) {
        long result = 0;
        int shift = 0;
        int b;
        do {
            b = bytes[at[0]++] & 0xff;
            result |= (long) (b & 0x7f) << shift;
            shift += 7;
        } while ((b & 0x80) != 0 && at[0] < bytes.length);
        if (shift < 64 && (b & 0x40) != 0) {
            result |= -1L << shift;
        }
        return result;
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
