package dev.faultline.emulator.elf;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A parsed ELF64 little-endian RISC-V executable (System V gABI and the RISC-V ELF psABI): header,
 * segments, named sections and symbols, every offset and count checked against the file's bytes.
 */
public final class ElfFile {

    private final String fileName;
    private final ElfHeader header;
    private final List<Segment> segments;
    private final List<Section> sections;
    private final SymbolTable symbols;
    private final ElfInput input;

    private ElfFile(String fileName, ElfHeader header, List<Segment> segments, List<Section> sections,
            SymbolTable symbols, ElfInput input) {
        this.fileName = fileName;
        this.header = header;
        this.segments = segments;
        this.sections = sections;
        this.symbols = symbols;
        this.input = input;
    }

    /** Parses the bytes of a file; fileName only names it in errors. The array must not change afterwards. */
    public static ElfFile parse(String fileName, byte[] bytes) throws ElfFormatException {
        ElfInput in = new ElfInput(fileName, bytes);
        ElfHeader header = ElfHeaderParser.parse(in);
        List<Segment> segments = ProgramHeaderParser.parse(in, header);
        checkEntry(in, header, segments);
        List<Section> sections = SectionHeaderParser.parse(in, header);
        SymbolTable symbols = SymbolTableParser.parse(in, header, sections);
        return new ElfFile(fileName, header, segments, sections, symbols, in);
    }

    /** The first instruction must be loaded and executable, or the hart faults before it starts. */
    private static void checkEntry(ElfInput in, ElfHeader header, List<Segment> segments) throws ElfFormatException {
        for (Segment segment : segments) {
            if (segment.isLoad() && segment.isExecutable() && segment.contains(header.entry())) {
                return;
            }
        }
        throw in.error(24, "e_entry", "expected an address inside an executable PT_LOAD segment, found 0x"
                + Long.toHexString(header.entry()));
    }

    /** Reads and parses a file, naming it by its file name in errors. */
    public static ElfFile read(Path path) throws IOException, ElfFormatException {
        return parse(String.valueOf(path.getFileName()), Files.readAllBytes(path));
    }

    public String fileName() {
        return fileName;
    }

    public ElfHeader header() {
        return header;
    }

    /** e_entry: the first instruction's address. */
    public long entry() {
        return header.entry();
    }

    /** Every program header, in table order. */
    public List<Segment> segments() {
        return segments;
    }

    /** The PT_LOAD segments, in table order: what a loader maps. */
    public List<Segment> loadSegments() {
        List<Segment> loads = new ArrayList<>();
        for (Segment segment : segments) {
            if (segment.isLoad()) {
                loads.add(segment);
            }
        }
        return loads;
    }

    /** Every section header, in table order (index 0 is the null section). */
    public List<Section> sections() {
        return sections;
    }

    /** The first section with this name (".text", ".debug_line"...). */
    public Optional<Section> section(String name) {
        for (Section section : sections) {
            if (section.name().equals(name)) {
                return Optional.of(section);
            }
        }
        return Optional.empty();
    }

    /** A read-only little-endian view of a section's file bytes; empty for SHT_NOBITS. The section must be one of this file's. */
    public ByteBuffer sectionBytes(Section section) {
        if (section.index() < 0 || section.index() >= sections.size() || !sections.get(section.index()).equals(section)) {
            throw new IllegalArgumentException(section.name() + " is not a section of " + fileName);
        }
        if (!section.hasFileBytes()) {
            return input.slice(0, 0);
        }
        return input.slice(section.offset(), section.size());
    }

    /** The .symtab symbols (empty when the file is stripped). */
    public SymbolTable symbols() {
        return symbols;
    }
}
