package dev.faultline.emulator.elf;

/**
 * One section header (gABI "Sections") with its name resolved from the section name string table.
 * Its bytes come from {@link ElfFile#sectionBytes(Section)}.
 */
public record Section(
        int index,
        String name,
        int type,
        long flags,
        long address,
        long offset,
        long size,
        int link,
        int info,
        long addressAlignment,
        long entrySize) {

    public static final int SHT_NULL = 0;
    public static final int SHT_PROGBITS = 1;
    public static final int SHT_SYMTAB = 2;
    public static final int SHT_STRTAB = 3;
    public static final int SHT_NOBITS = 8;
    /** sh_flags bit: the section occupies memory at run time. */
    public static final long SHF_ALLOC = 0x2;
    /** sh_flags bit: the section's bytes are compressed (Elf64_Chdr first). */
    public static final long SHF_COMPRESSED = 0x800;

    /** Whether the section has bytes in the file (SHT_NOBITS, like .bss, has none). */
    public boolean hasFileBytes() {
        return type != SHT_NOBITS && type != SHT_NULL;
    }

    public boolean isAllocated() {
        return (flags & SHF_ALLOC) != 0;
    }

    public boolean isCompressed() {
        return (flags & SHF_COMPRESSED) != 0;
    }
}
