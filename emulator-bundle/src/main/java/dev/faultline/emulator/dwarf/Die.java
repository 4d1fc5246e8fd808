package dev.faultline.emulator.dwarf;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A debugging information entry (DWARF 5 section 2.1): tag, attributes as encoded, children and
 * parent, so that any later reader (locals, types, location lists) can walk the tree. Typed
 * accessors resolve indexed and offset forms through the entry's unit.
 */
public final class Die {

    /** Chains of DW_AT_abstract_origin and DW_AT_specification are short; a longer one is a cycle. */
    private static final int MAX_ORIGIN_CHAIN = 8;

    /** The offset of made entries: none in .debug_info. */
    public static final long MADE = -1;

    private final long offset;
    private final int tag;
    private final List<AttributeValue> attributes;
    private final List<Die> children = new ArrayList<>();
    private final Die parent;
    private final CompilationUnit unit;
    /** The DW_AT_type of a made entry (it has no section to hold an offset into); null for entries read. */
    private final Die madeType;

    Die(long offset, int tag, List<AttributeValue> attributes, Die parent, CompilationUnit unit) {
        this(offset, tag, attributes, parent, unit, null);
    }

    private Die(long offset, int tag, List<AttributeValue> attributes, Die parent, CompilationUnit unit, Die madeType) {
        this.offset = offset;
        this.tag = tag;
        this.attributes = attributes;
        this.parent = parent;
        this.unit = unit;
        this.madeType = madeType;
    }

    /**
     * A pointer to target (empty: to void) that no section holds: the type of a cast to T * in a
     * program that never points at T. A debugger makes the types its expressions name, as C does.
     */
    public static Die pointerTo(Optional<Die> target) {
        return new Die(MADE, DwarfTag.POINTER_TYPE, List.of(constant(DwarfAttribute.BYTE_SIZE, 8)), null,
                target.map(Die::unit).orElse(null), target.orElse(null));
    }

    /** A base type (DWARF 5 section 5.1) that no section holds: a C type a cast names that the program never uses. */
    public static Die baseType(String name, int encoding, int size) {
        return new Die(MADE, DwarfTag.BASE_TYPE, List.of(new AttributeValue(DwarfAttribute.NAME, DwarfForm.STRING,
                FormClass.INLINE_STRING, 0, name, null), constant(DwarfAttribute.ENCODING, encoding),
                constant(DwarfAttribute.BYTE_SIZE, size)), null, null);
    }

    private static AttributeValue constant(int attribute, long value) {
        return new AttributeValue(attribute, DwarfForm.DATA1, FormClass.CONSTANT, value, null, null);
    }

    /** Offset from the start of .debug_info: what references name. */
    public long offset() {
        return offset;
    }

    /** DW_TAG_* (see {@link DwarfTag}). */
    public int tag() {
        return tag;
    }

    public List<AttributeValue> attributes() {
        return attributes;
    }

    public List<Die> children() {
        return Collections.unmodifiableList(children);
    }

    void addChild(Die child) {
        children.add(child);
    }

    public Optional<Die> parent() {
        return Optional.ofNullable(parent);
    }

    public CompilationUnit unit() {
        return unit;
    }

    public Optional<AttributeValue> attribute(int name) {
        for (AttributeValue value : attributes) {
            if (value.attribute() == name) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }

    public boolean has(int name) {
        return attribute(name).isPresent();
    }

    /** A string attribute, resolved through .debug_str, .debug_line_str or .debug_str_offsets. */
    public Optional<String> string(int name) throws DwarfFormatException {
        Optional<AttributeValue> value = attribute(name);
        if (value.isPresent() && value.get().formClass() == FormClass.INLINE_STRING) {
            return Optional.of(value.get().text());
        }
        return value.isEmpty() ? Optional.empty() : Optional.of(unit.string(value.get()));
    }

    /** An address attribute (DW_FORM_addr or an index into .debug_addr). */
    public OptionalLong address(int name) throws DwarfFormatException {
        Optional<AttributeValue> value = attribute(name);
        return value.isEmpty() ? OptionalLong.empty() : OptionalLong.of(unit.address(value.get()));
    }

    /** A constant attribute (decl_line, language...); empty when absent or not a constant. */
    public OptionalLong constant(int name) {
        Optional<AttributeValue> value = attribute(name);
        return value.isPresent() && value.get().isConstant() ? OptionalLong.of(value.get().value()) : OptionalLong.empty();
    }

    public boolean flag(int name) {
        Optional<AttributeValue> value = attribute(name);
        return value.isPresent() && value.get().formClass() == FormClass.FLAG && value.get().value() != 0;
    }

    /** The entry a reference attribute names (anywhere in .debug_info). */
    public Optional<Die> reference(int name) throws DwarfFormatException {
        if (name == DwarfAttribute.TYPE && madeType != null) {
            return Optional.of(madeType);
        }
        Optional<AttributeValue> value = attribute(name);
        return value.isEmpty() ? Optional.empty() : Optional.of(unit.referencedDie(value.get(), offset));
    }

    /**
     * The location expression of attribute name (DW_AT_location, DW_AT_frame_base) that holds at
     * pc: the expression itself, or the entry of its location list that covers pc. Empty when the
     * attribute is absent or no entry covers pc: the value is optimized out there.
     */
    public Optional<byte[]> locationAt(int name, long pc) throws DwarfFormatException {
        Optional<AttributeValue> value = attribute(name);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        if (value.get().block() != null) {
            return Optional.of(value.get().blockBytes());
        }
        return LocationListReader.at(unit, value.get(), pc, offset);
    }

    /** The code ranges of this entry: low_pc/high_pc, or DW_AT_ranges; empty when it has no code. */
    public List<AddressRange> ranges() throws DwarfFormatException {
        return unit.ranges(this);
    }

    /**
     * The entry that carries this one's name and declaration: itself, or the end of its
     * DW_AT_abstract_origin / DW_AT_specification chain (inlined and out-of-line instances,
     * definitions of declared functions).
     */
    public List<Die> origins() throws DwarfFormatException {
        List<Die> chain = new ArrayList<>();
        Die current = this;
        for (int i = 0; current != null && i < MAX_ORIGIN_CHAIN; i++) {
            chain.add(current);
            Optional<Die> next = current.reference(DwarfAttribute.ABSTRACT_ORIGIN);
            if (next.isEmpty()) {
                next = current.reference(DwarfAttribute.SPECIFICATION);
            }
            current = next.orElse(null);
        }
        return chain;
    }

    /** DW_AT_name here or along the origin chain. */
    public Optional<String> name() throws DwarfFormatException {
        for (Die die : origins()) {
            Optional<String> name = die.string(DwarfAttribute.NAME);
            if (name.isPresent()) {
                return name;
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return offset == MADE ? "Die[made tag=0x" + Integer.toHexString(tag) + "]" : "Die[0x" + Long.toHexString(offset) + " tag=0x" + Integer.toHexString(tag) + "]";
    }
}
