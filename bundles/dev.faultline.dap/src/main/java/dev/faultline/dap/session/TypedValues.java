package dev.faultline.dap.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import dev.faultline.emulator.dwarf.AttributeValue;
import dev.faultline.emulator.dwarf.Die;
import dev.faultline.emulator.dwarf.DwarfAttribute;
import dev.faultline.emulator.dwarf.DwarfFormatException;
import dev.faultline.emulator.dwarf.DwarfTag;
import dev.faultline.emulator.dwarf.FormClass;
import dev.faultline.emulator.dwarf.MemoryReader;

/**
 * C values of DWARF types (DWARF 5 chapter 5) as a debugger shows them: the text of a value (a
 * number by its base type's encoding, an enumerator's name, a pointer with the string it points at,
 * a summary of a struct or an array), and the parts a value opens into: a struct's or union's
 * members, an array's elements, the value a pointer points at.
 */
public final class TypedValues {

    /**
     * A value as the Variables view shows it; parts, when it has some, open it. address and size
     * say where it is stored in the thread's memory, when it is (not a value held in registers or
     * computed by the compiler): what a watchpoint on it watches. object is the C object of a
     * variable, for expressions that read it or name its members, elements or address.
     */
    public record Value(String name, String text, String type, Optional<Parts> parts, OptionalLong address, long size,
            Optional<CObject> object) {

        public Value(String name, String text, String type, Optional<Parts> parts) {
            this(name, text, type, parts, OptionalLong.empty(), 0, Optional.empty());
        }

        /** This value as stored in size bytes at address of memory; as it was when memory is not the thread's. */
        Value storedAt(MemoryReader memory, long address, long size) {
            return memory instanceof Held || size < 1 ? this
                    : new Value(name, text, type, parts, OptionalLong.of(address), size, object);
        }

        /** This value as the C object an expression names by it (a variable's). */
        Value as(CObject named) {
            return new Value(name, text, type, parts, address, size, Optional.of(named));
        }
    }

    /** What a value opens into. */
    public sealed interface Parts {

        /**
         * The members or elements of an aggregate at address; dimension counts an array's
         * subranges already indexed. bytes, when not null, hold the aggregate (a small struct the
         * compiler keeps in a register) and address is an offset into them.
         */
        record Aggregate(Die type, long address, int dimension, byte[] bytes) implements Parts {
        }

        /** The one value a pointer named name points at. */
        record Pointee(Optional<Die> type, long address, String name) implements Parts {
        }
    }

    /** Elements of an array shown at most: the rest are named, not read. */
    static final int MAX_ELEMENTS = 256;
    /** Members or elements a one-line summary shows. */
    private static final int SUMMARY_PARTS = 4;
    /** Bytes of a string a char pointer or array shows. */
    private static final int MAX_STRING = 64;

    // Base type encodings (DWARF 5 section 7.8).
    private static final int BOOLEAN = 0x02;
    static final int FLOAT = 0x04;
    private static final int SIGNED = 0x05;
    private static final int SIGNED_CHAR = 0x06;
    private static final int UNSIGNED_CHAR = 0x08;

    private TypedValues() {
    }

    /** A value of type stored in memory at address. */
    public static Value inMemory(MemoryReader memory, String name, Optional<Die> type, long address)
            throws DwarfFormatException {
        Optional<Die> bare = strip(type);
        return read(memory, name, type, bare, address).storedAt(memory, address, bare.isPresent() ? elementSize(bare.get()) : 0);
    }

    private static Value read(MemoryReader memory, String name, Optional<Die> type, Optional<Die> bare, long address)
            throws DwarfFormatException {
        String typeName = typeName(type);
        if (bare.isPresent() && isAggregate(bare.get())) {
            return new Value(name, summary(memory, bare.get(), address, 0), typeName,
                    Optional.of(new Parts.Aggregate(bare.get(), address, 0, heldBytes(memory))));
        }
        int size = bare.isPresent() ? size(bare.get()) : 0;
        if (size < 1 || size > 8) {
            return new Value(name, "<" + typeName + " at 0x" + Long.toHexString(address) + ">", typeName, Optional.empty());
        }
        OptionalLong raw = memory.read(address, size);
        if (raw.isEmpty()) {
            return new Value(name, "<unreadable memory at 0x" + Long.toHexString(address) + ">", typeName, Optional.empty());
        }
        return scalar(memory, name, type, raw.getAsLong());
    }

    /** A value of type held whole in a register or computed by the compiler (raw is its bits). */
    public static Value scalar(MemoryReader memory, String name, Optional<Die> type, long raw) throws DwarfFormatException {
        Optional<Die> bare = strip(type);
        String typeName = typeName(type);
        if (bare.isEmpty()) {
            return new Value(name, Long.toString(raw), typeName, Optional.empty());
        }
        Die die = bare.get();
        if (isAggregate(die)) {
            // A small struct the compiler keeps in a register: its bytes, little-endian, read as if in memory.
            int size = size(die);
            if (size < 1 || size > 8) {
                return new Value(name, "<" + typeName + " in registers, not shown>", typeName, Optional.empty());
            }
            byte[] bytes = new byte[size];
            for (int i = 0; i < size; i++) {
                bytes[i] = (byte) (raw >>> (8 * i));
            }
            return inMemory(new Held(bytes, memory), name, type, Held.BASE);
        }
        if (die.tag() == DwarfTag.POINTER_TYPE) {
            Optional<Die> target = die.reference(DwarfAttribute.TYPE);
            Optional<Die> bareTarget = strip(target);
            String text = "0x" + Long.toHexString(raw);
            if (raw != 0 && bareTarget.isPresent() && isChar(bareTarget.get())) {
                text += " " + string(memory, raw, MAX_STRING);
            }
            boolean opens = raw != 0 && bareTarget.isPresent() && bareTarget.get().tag() != DwarfTag.SUBROUTINE_TYPE;
            return new Value(name, text, typeName, opens ? Optional.of(new Parts.Pointee(target, raw, name)) : Optional.empty());
        }
        return new Value(name, format(die, raw), typeName, Optional.empty());
    }

    /**
     * Memory with a value held outside it (in registers) mapped at BASE, an address no user
     * program has (Sv39 user space ends at 2^38), so that its members read as members in memory
     * do while pointers in it still reach the thread's memory.
     */
    private record Held(byte[] bytes, MemoryReader memory) implements MemoryReader {

        static final long BASE = 0xffff_ff00_0000_0000L;

        @Override
        public OptionalLong read(long address, int size) {
            long offset = address - BASE;
            if (offset < 0 || offset >= bytes.length) {
                return memory.read(address, size);
            }
            if (size < 1 || size > 8 || offset + size > bytes.length) {
                return OptionalLong.empty();
            }
            long value = 0;
            for (int i = size - 1; i >= 0; i--) {
                value = value << 8 | (bytes[(int) offset + i] & 0xff);
            }
            return OptionalLong.of(value);
        }
    }

    private static byte[] heldBytes(MemoryReader memory) {
        return memory instanceof Held held ? held.bytes() : null;
    }

    /** The parts a value opens into, each a value of its own. */
    public static List<Value> parts(MemoryReader memory, Parts parts) throws DwarfFormatException {
        if (parts instanceof Parts.Pointee pointee) {
            return List.of(inMemory(memory, "*" + pointee.name(), pointee.type(), pointee.address()));
        }
        if (parts instanceof Parts.Aggregate held && held.bytes() != null && !(memory instanceof Held)) {
            return parts(new Held(held.bytes(), memory), parts);
        }
        Parts.Aggregate aggregate = (Parts.Aggregate) parts;
        List<Value> values = new ArrayList<>();
        Die type = aggregate.type();
        if (type.tag() == DwarfTag.ARRAY_TYPE) {
            List<Die> dimensions = subranges(type);
            long count = count(dimensions.get(aggregate.dimension()));
            long stride = stride(type, dimensions, aggregate.dimension());
            boolean inner = aggregate.dimension() + 1 < dimensions.size();
            Optional<Die> element = type.reference(DwarfAttribute.TYPE);
            for (long i = 0; i < Math.min(count, MAX_ELEMENTS); i++) {
                long at = aggregate.address() + i * stride;
                String name = "[" + i + "]";
                values.add(inner ? new Value(name, summary(memory, type, at, aggregate.dimension() + 1),
                        typeName(element) + dimensionsText(dimensions, aggregate.dimension() + 1),
                        Optional.of(new Parts.Aggregate(type, at, aggregate.dimension() + 1, heldBytes(memory))))
                        .storedAt(memory, at, stride) : inMemory(memory, name, element, at));
            }
            if (count > MAX_ELEMENTS) {
                values.add(new Value("[" + MAX_ELEMENTS + "..." + (count - 1) + "]", "<not shown>", "", Optional.empty()));
            }
            return values;
        }
        for (Die member : type.children()) {
            if (member.tag() == DwarfTag.MEMBER) {
                values.add(member(memory, member, aggregate.address()));
            }
        }
        return values;
    }

    private static Value member(MemoryReader memory, Die member, long base) throws DwarfFormatException {
        String name = member.name().orElse("<anonymous>");
        Optional<Die> type = member.reference(DwarfAttribute.TYPE);
        OptionalLong bits = member.constant(DwarfAttribute.BIT_SIZE);
        if (bits.isPresent()) {
            return bitField(memory, member, name, type, base, (int) bits.getAsLong());
        }
        return inMemory(memory, name, type, base + memberOffset(member));
    }

    /** A bit-field (DWARF 5 DW_AT_data_bit_offset from the start of the struct, little-endian). */
    private static Value bitField(MemoryReader memory, Die member, String name, Optional<Die> type, long base, int bits)
            throws DwarfFormatException {
        OptionalLong offset = member.constant(DwarfAttribute.DATA_BIT_OFFSET);
        if (offset.isEmpty() || bits < 1 || bits > MAX_BIT_FIELD) {
            return new Value(name, "<bit-field not shown>", typeName(type), Optional.empty());
        }
        long first = base + offset.getAsLong() / 8;
        Optional<Die> bare = strip(type);
        OptionalLong value = bits(memory, first, (int) (offset.getAsLong() % 8), bits, bare.isPresent() && isSigned(bare.get()));
        if (value.isEmpty()) {
            return new Value(name, "<unreadable memory at 0x" + Long.toHexString(first) + ">", typeName(type), Optional.empty());
        }
        return scalar(memory, name, type, value.getAsLong());
    }

    /** The widest bit-field read: its bits and their shift fit in the 8 bytes read at once. */
    static final int MAX_BIT_FIELD = 56;

    /**
     * The value of size bits starting shift bits into the byte at first (little-endian numbering),
     * sign-extended when signed; empty when its bytes are not mapped.
     */
    static OptionalLong bits(MemoryReader memory, long first, int shift, int size, boolean signed) {
        OptionalLong raw = memory.read(first, (shift + size + 7) / 8);
        if (raw.isEmpty()) {
            return raw;
        }
        return OptionalLong.of(field(raw.getAsLong(), shift, size, signed));
    }

    /** The size bits of raw from bit shift up, sign-extended when signed: a bit-field's value from its container's bits. */
    static long field(long raw, int shift, int size, boolean signed) {
        long value = shift >= 64 ? 0 : raw >>> shift & ((1L << size) - 1);
        return signed && (value & 1L << (size - 1)) != 0 ? value | -1L << size : value;
    }

    /** DW_AT_data_member_location: a constant, or (DWARF 2 and 3) DW_OP_plus_uconst; a union's members have none. */
    static long memberOffset(Die member) throws DwarfFormatException {
        Optional<AttributeValue> location = member.attribute(DwarfAttribute.DATA_MEMBER_LOCATION);
        if (location.isEmpty()) {
            return 0;
        }
        if (location.get().block() == null) {
            return location.get().value();
        }
        byte[] expression = location.get().blockBytes();
        long offset = 0;
        if (expression.length > 1 && (expression[0] & 0xff) == 0x23) { // DW_OP_plus_uconst
            for (int i = 1, shift = 0; i < expression.length && shift < 64; i++, shift += 7) {
                offset |= (long) (expression[i] & 0x7f) << shift;
                if ((expression[i] & 0x80) == 0) {
                    break;
                }
            }
        }
        return offset;
    }

    /** A one-line summary of an aggregate: its first members or elements. */
    private static String summary(MemoryReader memory, Die type, long address, int dimension) throws DwarfFormatException {
        if (type.tag() == DwarfTag.ARRAY_TYPE) {
            List<Die> dimensions = subranges(type);
            Optional<Die> element = strip(type.reference(DwarfAttribute.TYPE));
            if (dimension + 1 == dimensions.size() && element.isPresent() && isChar(element.get())) {
                return string(memory, address, (int) Math.min(count(dimensions.get(dimension)), MAX_STRING));
            }
        }
        StringBuilder text = new StringBuilder("{");
        List<Value> parts = parts(memory, new Parts.Aggregate(type, address, dimension, null));
        for (int i = 0; i < parts.size() && i < SUMMARY_PARTS; i++) {
            Value part = parts.get(i);
            text.append(i == 0 ? "" : ", ");
            if (type.tag() != DwarfTag.ARRAY_TYPE) {
                text.append(part.name()).append(" = ");
            }
            text.append(part.parts().isPresent() && part.parts().get() instanceof Parts.Aggregate ? "{...}" : part.text());
        }
        return text.append(parts.size() > SUMMARY_PARTS ? ", ...}" : "}").toString();
    }

    /** A NUL-terminated string at address, quoted, at most max bytes; escapes what is not printable. */
    private static String string(MemoryReader memory, long address, int max) {
        StringBuilder text = new StringBuilder("\"");
        for (int i = 0; i < max; i++) {
            OptionalLong b = memory.read(address + i, 1);
            if (b.isEmpty()) {
                return text.append("\"<unreadable>").toString();
            }
            int c = (int) b.getAsLong();
            if (c == 0) {
                return text.append('"').toString();
            }
            switch (c) {
                case '"', '\\' -> text.append('\\').append((char) c);
                case '\n' -> text.append("\\n");
                case '\t' -> text.append("\\t");
                default -> text.append(c >= 0x20 && c < 0x7f ? Character.toString(c) : String.format("\\x%02x", c));
            }
        }
        return text.append("\"...").toString();
    }

    private static String format(Die type, long raw) throws DwarfFormatException {
        int size = size(type);
        if (type.tag() == DwarfTag.ENUMERATION_TYPE) {
            long value = extend(raw, size, isSigned(type));
            for (Die enumerator : type.children()) {
                OptionalLong constant = enumerator.constant(DwarfAttribute.CONST_VALUE);
                if (constant.isPresent() && (constant.getAsLong() == value || extend(constant.getAsLong(), size, false) == raw)) {
                    return enumerator.name().orElse("?") + " (" + value + ")";
                }
            }
            return Long.toString(value);
        }
        long encoding = type.constant(DwarfAttribute.ENCODING).orElse(0);
        long bits = size >= 8 ? raw : raw & ((1L << (size * 8)) - 1);
        if (encoding == BOOLEAN) {
            return bits == 0 ? "false" : bits == 1 ? "true" : "true (" + bits + ")";
        }
        if (encoding == FLOAT && size == 4) {
            return Float.toString(Float.intBitsToFloat((int) bits));
        }
        if (encoding == FLOAT && size == 8) {
            return Double.toString(Double.longBitsToDouble(bits));
        }
        long value = extend(raw, size, isSigned(type));
        String text = isSigned(type) ? Long.toString(value) : Long.toUnsignedString(value);
        if (isChar(type) && bits >= 0x20 && bits < 0x7f) {
            text += " '" + (char) bits + "'";
        }
        return text;
    }

    static long extend(long raw, int size, boolean signed) {
        if (size >= 8 || size <= 0) {
            return raw;
        }
        long value = raw & ((1L << (size * 8)) - 1);
        return signed && (value & 1L << (size * 8 - 1)) != 0 ? value | -1L << (size * 8) : value;
    }

    static boolean isSigned(Die type) throws DwarfFormatException {
        if (type.tag() == DwarfTag.ENUMERATION_TYPE) {
            for (Die enumerator : type.children()) {
                OptionalLong constant = enumerator.constant(DwarfAttribute.CONST_VALUE);
                if (constant.isPresent() && enumerator.attribute(DwarfAttribute.CONST_VALUE).get().formClass()
                        == FormClass.SIGNED_CONSTANT && constant.getAsLong() < 0) {
                    return true;
                }
            }
            return false;
        }
        long encoding = type.constant(DwarfAttribute.ENCODING).orElse(0);
        return encoding == SIGNED || encoding == SIGNED_CHAR;
    }

    private static boolean isChar(Die type) {
        long encoding = type.constant(DwarfAttribute.ENCODING).orElse(0);
        return type.tag() == DwarfTag.BASE_TYPE && (encoding == SIGNED_CHAR || encoding == UNSIGNED_CHAR)
                && type.constant(DwarfAttribute.BYTE_SIZE).orElse(0) == 1;
    }

    static boolean isAggregate(Die type) {
        return type.tag() == DwarfTag.STRUCTURE_TYPE || type.tag() == DwarfTag.UNION_TYPE || type.tag() == DwarfTag.ARRAY_TYPE;
    }

    static int size(Die type) throws DwarfFormatException {
        if (type.tag() == DwarfTag.POINTER_TYPE) {
            return (int) type.constant(DwarfAttribute.BYTE_SIZE).orElse(8);
        }
        return (int) type.constant(DwarfAttribute.BYTE_SIZE).orElse(0);
    }

    /** The type with typedefs and qualifiers looked through; empty for void. */
    static Optional<Die> strip(Optional<Die> type) throws DwarfFormatException {
        Optional<Die> current = type;
        for (int depth = 0; current.isPresent() && depth < 16; depth++) {
            int tag = current.get().tag();
            if (tag != DwarfTag.TYPEDEF && tag != DwarfTag.CONST_TYPE && tag != DwarfTag.VOLATILE_TYPE
                    && tag != DwarfTag.RESTRICT_TYPE && tag != DwarfTag.ATOMIC_TYPE) {
                return current;
            }
            current = current.get().reference(DwarfAttribute.TYPE);
        }
        return current;
    }

    /** The type as C spells it: a typedef's or base type's name, "struct client", "char *", "long [4]". */
    static String typeName(Optional<Die> type) throws DwarfFormatException {
        if (type.isEmpty()) {
            return "void";
        }
        Die die = type.get();
        Optional<String> name = die.name();
        return switch (die.tag()) {
            case DwarfTag.POINTER_TYPE -> typeName(die.reference(DwarfAttribute.TYPE)) + " *";
            case DwarfTag.CONST_TYPE -> "const " + typeName(die.reference(DwarfAttribute.TYPE));
            case DwarfTag.VOLATILE_TYPE -> "volatile " + typeName(die.reference(DwarfAttribute.TYPE));
            case DwarfTag.RESTRICT_TYPE, DwarfTag.ATOMIC_TYPE -> typeName(die.reference(DwarfAttribute.TYPE));
            case DwarfTag.STRUCTURE_TYPE -> "struct " + name.orElse("{...}");
            case DwarfTag.UNION_TYPE -> "union " + name.orElse("{...}");
            case DwarfTag.ENUMERATION_TYPE -> "enum " + name.orElse("{...}");
            case DwarfTag.ARRAY_TYPE -> typeName(die.reference(DwarfAttribute.TYPE)) + dimensionsText(subranges(die), 0);
            case DwarfTag.SUBROUTINE_TYPE -> "function";
            default -> name.orElse("?");
        };
    }

    private static String dimensionsText(List<Die> dimensions, int from) {
        StringBuilder text = new StringBuilder(" ");
        for (int i = from; i < dimensions.size(); i++) {
            long count = count(dimensions.get(i));
            text.append('[').append(count < 0 ? "" : Long.toString(count)).append(']');
        }
        return text.toString();
    }

    static List<Die> subranges(Die array) {
        List<Die> dimensions = new ArrayList<>();
        for (Die child : array.children()) {
            if (child.tag() == DwarfTag.SUBRANGE_TYPE) {
                dimensions.add(child);
            }
        }
        if (dimensions.isEmpty()) {
            dimensions.add(array); // no subrange: an array of unknown length, shown empty
        }
        return dimensions;
    }

    /** Elements of one dimension: DW_AT_count, or DW_AT_upper_bound + 1 (C arrays start at 0); 0 when unknown. */
    private static long count(Die subrange) {
        OptionalLong count = subrange.constant(DwarfAttribute.COUNT);
        if (count.isPresent()) {
            return count.getAsLong();
        }
        OptionalLong upper = subrange.constant(DwarfAttribute.UPPER_BOUND);
        return upper.isPresent() ? upper.getAsLong() + 1 : 0;
    }

    /** Bytes from one element of a dimension to the next: the element's size times the inner dimensions' counts. */
    static long stride(Die array, List<Die> dimensions, int dimension) throws DwarfFormatException {
        Optional<Die> element = strip(array.reference(DwarfAttribute.TYPE));
        long stride = element.isPresent() ? elementSize(element.get()) : 0;
        for (int i = dimension + 1; i < dimensions.size(); i++) {
            stride *= count(dimensions.get(i));
        }
        return stride;
    }

    static long elementSize(Die element) throws DwarfFormatException {
        if (element.tag() == DwarfTag.ARRAY_TYPE) {
            List<Die> dimensions = subranges(element);
            return count(dimensions.get(0)) * stride(element, dimensions, 0);
        }
        return size(element);
    }
}
