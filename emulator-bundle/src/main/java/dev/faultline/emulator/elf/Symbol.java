package dev.faultline.emulator.elf;

/**
 * One entry of .symtab (gABI "Symbol Table"): a named address and size. sectionIndex is st_shndx,
 * which may be one of the special indices below rather than a real section.
 */
public record Symbol(String name, long value, long size, SymbolType type, SymbolBinding binding, int sectionIndex) {

    public static final int SHN_UNDEF = 0;
    public static final int SHN_ABS = 0xfff1;
    public static final int SHN_COMMON = 0xfff2;

    /** Whether the symbol is defined in this file (not SHN_UNDEF, not a common block). */
    public boolean isDefined() {
        return sectionIndex != SHN_UNDEF && sectionIndex != SHN_COMMON;
    }

    /** Whether the address lies in [value, value + size), compared unsigned. */
    public boolean contains(long address) {
        long offset = address - value;
        return Long.compareUnsigned(address, value) >= 0 && Long.compareUnsigned(offset, size) < 0;
    }
}
