package dev.faultline.emulator.dwarf;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One unit of .debug_info (DWARF 5 section 3.1.1: full, partial and skeleton compilation units,
 * and type units): its header, its DIE tree, and the base attributes through which its indexed
 * forms (strx, addrx, rnglistx) are resolved.
 */
public final class CompilationUnit {

    private static final String INFO = ".debug_info";

    private final UnitHeader header;
    private final DwarfSections sections;
    private final StringSections strings;
    private Map<Long, Die> allDies = Map.of();
    private Die root;
    private long strOffsetsBase = -1;
    private long addrBase = -1;
    private long rnglistsBase = -1;
    private long loclistsBase = -1;
    private long baseAddress;
    private String name;
    private String compDir;
    private String producer;
    private String dwoName;
    private long language = -1;
    private List<AddressRange> ranges = List.of();
    private LineProgramHeader lineHeader;

    CompilationUnit(UnitHeader header, DwarfSections sections, StringSections strings) {
        this.header = header;
        this.sections = sections;
        this.strings = strings;
    }

    /** Called once the DIE tree is read: takes the base attributes from the unit's root entry. */
    void setRoot(Die root) throws DwarfFormatException {
        this.root = root;
        strOffsetsBase = sectionOffset(root, DwarfAttribute.STR_OFFSETS_BASE);
        addrBase = sectionOffset(root, DwarfAttribute.ADDR_BASE);
        if (addrBase < 0) {
            addrBase = sectionOffset(root, DwarfAttribute.GNU_ADDR_BASE);
        }
        rnglistsBase = sectionOffset(root, DwarfAttribute.RNGLISTS_BASE);
        loclistsBase = sectionOffset(root, DwarfAttribute.LOCLISTS_BASE);
        baseAddress = root.has(DwarfAttribute.LOW_PC) ? root.address(DwarfAttribute.LOW_PC).getAsLong() : 0;
    }

    private static long sectionOffset(Die die, int attribute) {
        Optional<AttributeValue> value = die.attribute(attribute);
        return value.isPresent() && value.get().formClass() == FormClass.SECTION_OFFSET ? value.get().value() : -1;
    }

    /** Resolves what the root says of the unit, once every unit's DIEs are known. */
    void describe(Map<Long, Die> dies) throws DwarfFormatException {
        this.allDies = dies;
        name = root.string(DwarfAttribute.NAME).orElse(null);
        compDir = root.string(DwarfAttribute.COMP_DIR).orElse(null);
        producer = root.string(DwarfAttribute.PRODUCER).orElse(null);
        Optional<String> dwo = root.string(DwarfAttribute.DWO_NAME);
        dwoName = (dwo.isPresent() ? dwo : root.string(DwarfAttribute.GNU_DWO_NAME)).orElse(null);
        language = root.constant(DwarfAttribute.LANGUAGE).orElse(-1);
        ranges = root.ranges();
    }

    void setLineHeader(LineProgramHeader lineHeader) {
        this.lineHeader = lineHeader;
    }

    public UnitHeader header() {
        return header;
    }

    /** The unit's root entry (DW_TAG_compile_unit, partial_unit, skeleton_unit or type_unit). */
    public Die root() {
        return root;
    }

    /** DW_AT_name: the primary source file. */
    public Optional<String> name() {
        return Optional.ofNullable(name);
    }

    public Optional<String> compDir() {
        return Optional.ofNullable(compDir);
    }

    public Optional<String> producer() {
        return Optional.ofNullable(producer);
    }

    /**
     * For a skeleton unit (split DWARF, -gsplit-dwarf): the .dwo file that holds the unit's DIEs,
     * which this reader does not open; its functions and variables are then unknown.
     */
    public Optional<String> dwoName() {
        return Optional.ofNullable(dwoName);
    }

    /** DW_AT_language (DW_LANG_C99 = 0x0c, DW_LANG_C11 = 0x1d...). */
    public OptionalLong language() {
        return language < 0 ? OptionalLong.empty() : OptionalLong.of(language);
    }

    /** The code addresses of the unit (low/high pc or DW_AT_ranges); empty for a unit without code. */
    public List<AddressRange> ranges() {
        return ranges;
    }

    /** The header of the line program DW_AT_stmt_list names, if any. */
    public Optional<LineProgramHeader> lineHeader() {
        return Optional.ofNullable(lineHeader);
    }

    /** The path of a DW_AT_decl_file or DW_AT_call_file index through this unit's line table. */
    public Optional<String> filePath(long fileIndex) {
        if (lineHeader == null || !lineHeader.hasFile(fileIndex, lineHeader.files())) {
            return Optional.empty();
        }
        return Optional.of(lineHeader.filePath(fileIndex, lineHeader.files(), compDir));
    }

    String string(AttributeValue value) throws DwarfFormatException {
        return switch (value.formClass()) {
            case INLINE_STRING -> value.text();
            case STRING_OFFSET -> strings.at(".debug_str", value.value(), INFO, header.offset());
            case LINE_STRING_OFFSET -> strings.at(".debug_line_str", value.value(), INFO, header.offset());
            case STRING_INDEX -> strings.indexed(requireBase(strOffsetsBase, "DW_AT_str_offsets_base"), value.value(),
                    header.offsetSize(), INFO, header.offset());
            default -> throw new DwarfFormatException(INFO, header.offset(), "expected attribute 0x"
                    + Integer.toHexString(value.attribute()) + " as a string, found " + DwarfForm.describe(value.form()));
        };
    }

    long address(AttributeValue value) throws DwarfFormatException {
        return switch (value.formClass()) {
            case ADDRESS -> value.value();
            case ADDRESS_INDEX -> addressAt(value.value());
            default -> throw new DwarfFormatException(INFO, header.offset(), "expected attribute 0x"
                    + Integer.toHexString(value.attribute()) + " as an address, found " + DwarfForm.describe(value.form()));
        };
    }

    /** Entry index of the unit's contribution to .debug_addr (DWARF 5 section 7.27). */
    long addressAt(long index) throws DwarfFormatException {
        DwarfSection addr = sections.require(".debug_addr", "DW_FORM_addrx", INFO, header.offset());
        long base = requireBase(addrBase, "DW_AT_addr_base");
        long entry = base + index * header.addressSize();
        if (index < 0 || index > addr.size() || entry + header.addressSize() > addr.size()) {
            throw new DwarfFormatException(INFO, header.offset(), "expected address index " + index + " (base 0x"
                    + Long.toHexString(base) + ") inside .debug_addr (0x" + Integer.toHexString(addr.size()) + " bytes)");
        }
        return addr.cursor(entry).unsigned(header.addressSize(), "an address");
    }

    private long requireBase(long base, String attribute) throws DwarfFormatException {
        if (base < 0) {
            throw new DwarfFormatException(INFO, header.offset(), "expected " + attribute
                    + " on the unit entry for an indexed form, found none");
        }
        return base;
    }

    Die referencedDie(AttributeValue value, long from) throws DwarfFormatException {
        if (value.formClass() != FormClass.REFERENCE) {
            throw new DwarfFormatException(INFO, from, "expected attribute 0x" + Integer.toHexString(value.attribute())
                    + " as a reference into .debug_info, found " + DwarfForm.describe(value.form())
                    + " (type units by signature and supplementary files are not read)");
        }
        Die target = allDies.get(value.value());
        if (target == null) {
            throw new DwarfFormatException(INFO, from, "expected attribute 0x" + Integer.toHexString(value.attribute())
                    + " to reference an entry, found none at 0x" + Long.toHexString(value.value()));
        }
        return target;
    }

    List<AddressRange> ranges(Die die) throws DwarfFormatException {
        Optional<AttributeValue> rangesValue = die.attribute(DwarfAttribute.RANGES);
        if (rangesValue.isPresent()) {
            return RangeListReader.read(this, rangesValue.get(), die.offset());
        }
        if (!die.has(DwarfAttribute.LOW_PC)) {
            return List.of();
        }
        long low = die.address(DwarfAttribute.LOW_PC).getAsLong();
        Optional<AttributeValue> high = die.attribute(DwarfAttribute.HIGH_PC);
        if (high.isEmpty()) {
            return List.of();
        }
        // DWARF 4 onwards: a constant high_pc is the length from low_pc.
        long end = high.get().isConstant() ? low + high.get().value() : address(high.get());
        AddressRange range = new AddressRange(low, end);
        return range.isEmpty() ? List.of() : List.of(range);
    }

    DwarfSections sections() {
        return sections;
    }

    long baseAddress() {
        return baseAddress;
    }

    /**
     * The section offset of list index of a DW_FORM_rnglistx or DW_FORM_loclistx (DWARF 5 sections
     * 7.28 and 7.29): the unit's offset table starts at its base attribute, and each of its entries
     * is relative to that base.
     */
    long listOffset(DwarfSection section, long base, String baseAttribute, long index, long dieOffset)
            throws DwarfFormatException {
        int size = header.offsetSize();
        if (base < 0) {
            throw new DwarfFormatException(INFO, dieOffset, "expected " + baseAttribute + " on the unit entry for an "
                    + "indexed list form, found none");
        }
        if (index < 0 || index > section.size() || base + (index + 1) * size > section.size()) {
            throw new DwarfFormatException(INFO, dieOffset, "expected list index " + index + " inside "
                    + section.name() + "'s offset table at 0x" + Long.toHexString(base));
        }
        return base + section.cursor(base + index * size).offset(size, "list offset");
    }

    long rnglistsBase() {
        return rnglistsBase;
    }

    long loclistsBase() {
        return loclistsBase;
    }

    @Override
    public String toString() {
        return "CompilationUnit[0x" + Long.toHexString(header.offset()) + " " + name + "]";
    }
}
