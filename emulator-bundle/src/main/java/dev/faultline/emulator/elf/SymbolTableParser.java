package dev.faultline.emulator.elf;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the SHT_SYMTAB section (gABI "Symbol Table") and its linked string table, checking entry
 * size, sh_link, name indices and section indices.
 */
final class SymbolTableParser {

    private static final int ENTRY_SIZE = 24;
    private static final int SHN_LORESERVE = 0xff00;

    private SymbolTableParser() {
    }

    static SymbolTable parse(ElfInput in, ElfHeader header, List<Section> sections) throws ElfFormatException {
        Section symtab = null;
        for (Section section : sections) {
            if (section.type() == Section.SHT_SYMTAB) {
                symtab = section;
                break;
            }
        }
        if (symtab == null) {
            return SymbolTable.empty();
        }
        long headerAt = header.sectionHeaderOffset() + (long) symtab.index() * 64;
        if (symtab.entrySize() != ENTRY_SIZE) {
            throw in.error(headerAt + 56, "sh_entsize", "expected 24 (the ELF64 symbol size) for " + symtab.name()
                    + ", found " + symtab.entrySize());
        }
        if (symtab.size() % ENTRY_SIZE != 0) {
            throw in.error(headerAt + 32, "sh_size", "expected a multiple of 24 for " + symtab.name() + ", found 0x"
                    + Long.toHexString(symtab.size()));
        }
        StringTable names = linkedStrings(in, headerAt, symtab, sections);
        return new SymbolTable(readSymbols(in, symtab, names, sections.size()));
    }

    private static StringTable linkedStrings(ElfInput in, long headerAt, Section symtab, List<Section> sections)
            throws ElfFormatException {
        int link = symtab.link();
        if (link <= 0 || link >= sections.size() || sections.get(link).type() != Section.SHT_STRTAB) {
            throw in.error(headerAt + 40, "sh_link", "expected the index of a SHT_STRTAB section for " + symtab.name()
                    + "'s names, found " + Integer.toUnsignedString(link));
        }
        Section strings = sections.get(link);
        return new StringTable(in, strings.offset(), strings.size(), strings.name());
    }

    private static List<Symbol> readSymbols(ElfInput in, Section symtab, StringTable names, int sectionCount)
            throws ElfFormatException {
        int count = (int) (symtab.size() / ENTRY_SIZE);
        List<Symbol> symbols = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            long at = symtab.offset() + (long) i * ENTRY_SIZE;
            int info = in.u8(at + 4, "st_info");
            int shndx = in.u16(at + 6, "st_shndx");
            if (shndx >= sectionCount && shndx < SHN_LORESERVE) {
                throw in.error(at + 6, "st_shndx", "expected a section index below " + sectionCount + " in symbol " + i
                        + ", found " + shndx);
            }
            String name = names.name(in.u32(at, "st_name"), at, "st_name");
            symbols.add(new Symbol(name, in.u64(at + 8, "st_value"), in.u64(at + 16, "st_size"),
                    SymbolType.fromInfo(info), SymbolBinding.fromInfo(info), shndx));
        }
        return symbols;
    }
}
