package dev.faultline.emulator.elf;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the section header table (gABI "Sections") and names each section from e_shstrndx's string
 * table; checks that every section with file bytes lies inside the file.
 */
final class SectionHeaderParser {

    private static final int ENTRY_SIZE = 64;

    private SectionHeaderParser() {
    }

    static List<Section> parse(ElfInput in, ElfHeader header) throws ElfFormatException {
        int count = header.sectionHeaderCount();
        List<RawSection> raw = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            raw.add(readRaw(in, i, header.sectionHeaderOffset() + (long) i * ENTRY_SIZE));
        }
        StringTable names = nameTable(in, header, raw);
        List<Section> sections = new ArrayList<>(count);
        for (RawSection r : raw) {
            String name = names == null ? "" : names.name(r.nameIndex, r.at, "sh_name");
            sections.add(new Section(r.index, name, r.type, r.flags, r.address, r.offset, r.size, r.link, r.info,
                    r.alignment, r.entrySize));
        }
        return List.copyOf(sections);
    }

    private static RawSection readRaw(ElfInput in, int index, long at) throws ElfFormatException {
        RawSection r = new RawSection(index, at, in.u32(at, "sh_name"), (int) in.u32(at + 4, "sh_type"),
                in.u64(at + 8, "sh_flags"), in.u64(at + 16, "sh_addr"), in.u64(at + 24, "sh_offset"),
                in.u64(at + 32, "sh_size"), (int) in.u32(at + 40, "sh_link"), (int) in.u32(at + 44, "sh_info"),
                in.u64(at + 48, "sh_addralign"), in.u64(at + 56, "sh_entsize"));
        boolean hasBytes = r.type != Section.SHT_NOBITS && r.type != Section.SHT_NULL;
        if (hasBytes && !in.inside(r.offset, r.size)) {
            throw in.error(at + 32, "sh_size", "expected section " + index + "'s range [0x" + Long.toHexString(r.offset)
                    + ", +0x" + Long.toHexString(r.size) + ") inside the file of 0x" + Long.toHexString(in.length())
                    + " bytes");
        }
        return r;
    }

    private static StringTable nameTable(ElfInput in, ElfHeader header, List<RawSection> raw)
            throws ElfFormatException {
        int index = header.sectionNameTableIndex();
        if (index == 0) {
            return null;
        }
        RawSection table = raw.get(index);
        if (table.type != Section.SHT_STRTAB) {
            throw in.error(table.at + 4, "sh_type", "expected section " + index
                    + " (e_shstrndx, the section name table) to be SHT_STRTAB (3), found " + table.type);
        }
        return new StringTable(in, table.offset, table.size, "the section name table");
    }

    /** A section header before its name is looked up. */
    private record RawSection(int index, long at, long nameIndex, int type, long flags, long address, long offset,
            long size, int link, int info, long alignment, long entrySize) {
    }
}
