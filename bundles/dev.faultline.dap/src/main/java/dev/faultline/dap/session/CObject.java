package dev.faultline.dap.session;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import dev.faultline.emulator.dwarf.Die;
import dev.faultline.emulator.dwarf.DwarfAttribute;
import dev.faultline.emulator.dwarf.DwarfFormatException;
import dev.faultline.emulator.dwarf.DwarfTag;
import dev.faultline.emulator.dwarf.MemoryReader;

/**
 * A C object of a thread as an expression names it (C11 6.5.2): its DWARF type and where it is, in
 * memory at an address or, for a value the compiler keeps in registers, as its bits. Members,
 * elements and what a pointer points at are objects too; number() reads one as C arithmetic
 * takes it. dimension counts an array's subranges already indexed. A bit-field in memory is at
 * the byte its first bit is in, and bitField says where in it.
 */
public record CObject(String name, Optional<Die> type, OptionalLong address, long bits, int dimension, BitField bitField) {

    /** Where a bit-field's bits are: shift bits into the byte at the object's address, size bits long. */
    public record BitField(int shift, int size) {
    }

    static CObject inMemory(String name, Optional<Die> type, long address) {
        return new CObject(name, type, OptionalLong.of(address), 0, 0, null);
    }

    static CObject held(String name, Optional<Die> type, long bits) {
        return new CObject(name, type, OptionalLong.empty(), bits, 0, null);
    }

    /** This object shown as the Variables view shows one of its type (a struct opens, a pointer shows its target). */
    public TypedValues.Value value(MemoryReader memory, String text) {
        try {
            if (address.isPresent() && bitField == null) {
                return TypedValues.inMemory(memory, text, type, address.getAsLong());
            }
            return TypedValues.scalar(memory, text, type, bitField == null ? bits : number(memory));
        } catch (DwarfFormatException e) {
            throw unreadable(e);
        }
    }

    /** The member of a struct or union (C's s.member). */
    public CObject member(String member) {
        Die type = bare();
        if (type.tag() == DwarfTag.POINTER_TYPE) {
            throw failure("'" + name + "' is a pointer: its members are " + name + "->" + member);
        }
        if (type.tag() != DwarfTag.STRUCTURE_TYPE && type.tag() != DwarfTag.UNION_TYPE) {
            throw failure("'" + name + "' is not a struct or union: it has no member " + member);
        }
        try {
            for (Die child : type.children()) {
                if (child.tag() == DwarfTag.MEMBER && child.name().filter(member::equals).isPresent()) {
                    Optional<Die> memberType = child.reference(DwarfAttribute.TYPE);
                    if (child.has(DwarfAttribute.BIT_SIZE)) {
                        return bitField(name + "." + member, memberType, child);
                    }
                    long offset = TypedValues.memberOffset(child);
                    String path = name + "." + member;
                    return address.isPresent() ? inMemory(path, memberType, address.getAsLong() + offset)
                            : held(path, memberType, offset >= 8 ? 0 : bits >>> (8 * offset));
                }
            }
        } catch (DwarfFormatException e) {
            throw unreadable(e);
        }
        throw failure("'" + name + "' (" + typeName() + ") has no member named '" + member + "'");
    }

    /** A member that is a bit-field (DWARF 5 DW_AT_data_bit_offset, from the start of the struct). */
    private CObject bitField(String path, Optional<Die> memberType, Die member) throws DwarfFormatException {
        OptionalLong offset = member.constant(DwarfAttribute.DATA_BIT_OFFSET);
        long size = member.constant(DwarfAttribute.BIT_SIZE).orElse(0);
        if (offset.isEmpty() || size < 1 || size > TypedValues.MAX_BIT_FIELD) {
            throw failure("'" + path + "' is a bit-field whose place DWARF does not give as DW_AT_data_bit_offset:"
                    + " expressions do not read it");
        }
        BitField field = new BitField((int) (offset.getAsLong() % 8), (int) size);
        if (address.isPresent()) {
            return new CObject(path, memberType, OptionalLong.of(address.getAsLong() + offset.getAsLong() / 8), 0, 0, field);
        }
        // A struct held in registers: the field's bits of its bits.
        Optional<Die> bare = TypedValues.strip(memberType);
        boolean signed = bare.isPresent() && TypedValues.isSigned(bare.get());
        return held(path, memberType, TypedValues.field(bits, (int) Math.min(offset.getAsLong(), 64), (int) size, signed));
    }

    /** What a pointer points at (C's *p), or an array's first element. */
    public CObject pointee(MemoryReader memory) {
        Die type = bare();
        if (type.tag() == DwarfTag.ARRAY_TYPE) {
            return element(0, memory);
        }
        if (type.tag() != DwarfTag.POINTER_TYPE) {
            throw failure("'" + name + "' (" + typeName() + ") is not a pointer");
        }
        try {
            Optional<Die> target = type.reference(DwarfAttribute.TYPE);
            if (TypedValues.strip(target).isEmpty()) {
                throw failure("'" + name + "' is a void pointer: what it points at has no type");
            }
            return inMemory("*" + name, target, number(memory));
        } catch (DwarfFormatException e) {
            throw unreadable(e);
        }
    }

    /** An element of an array, or of what a pointer points at (C's a[index]). */
    public CObject element(long index, MemoryReader memory) {
        Die type = bare();
        String path = name + "[" + index + "]";
        try {
            if (type.tag() == DwarfTag.POINTER_TYPE) {
                CObject first = pointee(memory);
                long size = TypedValues.elementSize(first.bare());
                return inMemory(path, first.type(), first.address().getAsLong() + index * size);
            }
            if (type.tag() != DwarfTag.ARRAY_TYPE) {
                throw failure("'" + name + "' (" + typeName() + ") is neither an array nor a pointer");
            }
            if (address.isEmpty()) {
                throw failure("'" + name + "' is held in registers: its elements have no address");
            }
            List<Die> dimensions = TypedValues.subranges(type);
            long at = address.getAsLong() + index * TypedValues.stride(type, dimensions, dimension);
            return dimension + 1 < dimensions.size() ? new CObject(path, this.type, OptionalLong.of(at), 0, dimension + 1, null)
                    : inMemory(path, type.reference(DwarfAttribute.TYPE), at);
        } catch (DwarfFormatException e) {
            throw unreadable(e);
        }
    }

    /** Its address (C's &x). */
    public long addressOf() {
        if (bitField != null) {
            throw failure("'" + name + "' is a bit-field: C gives it no address, and it is not set or watched alone"
                    + " (set or watch the struct it is in)");
        }
        return address.orElseThrow(() -> failure("'" + name + "' is held in registers: it has no address"));
    }

    /** Its value as C arithmetic takes it: an integer, enum, char or bool by its type's size and sign, a pointer, an array's address. */
    public long number(MemoryReader memory) {
        if (this.type.isEmpty() && address.isEmpty()) {
            return bits; // a value DWARF gives no type: its bits as they are
        }
        Die type = bare();
        if (type.tag() == DwarfTag.ARRAY_TYPE) {
            return addressOf();
        }
        if (bitField != null) {
            boolean signed;
            try {
                signed = TypedValues.isSigned(type);
            } catch (DwarfFormatException e) {
                throw unreadable(e);
            }
            long first = address.getAsLong();
            return TypedValues.bits(memory, first, bitField.shift(), bitField.size(), signed).orElseThrow(() -> failure(
                    "memory of '" + name + "' at 0x" + Long.toHexString(first) + " is not mapped"));
        }
        int size = scalarSize();
        long raw = address.isEmpty() ? bits : memory.read(address.getAsLong(), size).orElseThrow(() -> failure(
                "memory of '" + name + "' at 0x" + Long.toHexString(address.getAsLong()) + " is not mapped"));
        try {
            return TypedValues.extend(raw, size, type.tag() != DwarfTag.POINTER_TYPE && TypedValues.isSigned(type));
        } catch (DwarfFormatException e) {
            throw unreadable(e);
        }
    }

    /** The size of a scalar (an integer, enum, char, bool or pointer): what a number is read from and assigned to. */
    public int scalarSize() {
        Die type = bare();
        if (type.tag() == DwarfTag.STRUCTURE_TYPE || type.tag() == DwarfTag.UNION_TYPE || type.tag() == DwarfTag.ARRAY_TYPE) {
            throw failure("'" + name + "' is a " + typeName() + ": name one of its members or elements");
        }
        try {
            boolean integral = type.tag() == DwarfTag.POINTER_TYPE || type.tag() == DwarfTag.ENUMERATION_TYPE
                    || type.tag() == DwarfTag.BASE_TYPE && type.constant(DwarfAttribute.ENCODING).orElse(0) != TypedValues.FLOAT;
            if (!integral) {
                throw failure("'" + name + "' (" + typeName() + ") is not an integer, a pointer or an enum");
            }
            int size = type.tag() == DwarfTag.POINTER_TYPE ? 8 : TypedValues.size(type);
            if (size < 1 || size > 8) {
                throw failure("'" + name + "' (" + typeName() + ") has no size an expression can read");
            }
            return size;
        } catch (DwarfFormatException e) {
            throw unreadable(e);
        }
    }

    /** Whether its value is an address: a pointer, or an array (which decays to its address). */
    public boolean isAddress() {
        if (this.type.isEmpty()) {
            return false;
        }
        Die type = bare();
        return type.tag() == DwarfTag.POINTER_TYPE || type.tag() == DwarfTag.ARRAY_TYPE;
    }

    private Die bare() {
        try {
            return TypedValues.strip(type).orElseThrow(() -> failure("'" + name + "' has type void"));
        } catch (DwarfFormatException e) {
            throw unreadable(e);
        }
    }

    private String typeName() {
        try {
            return TypedValues.typeName(type);
        } catch (DwarfFormatException e) {
            return "?";
        }
    }

    private SessionException unreadable(DwarfFormatException e) {
        return failure("the type of '" + name + "' is unreadable: " + e.getMessage());
    }

    private static SessionException failure(String message) {
        return new SessionException(SessionException.EXPRESSION, message);
    }
}
