package dev.faultline.emulator.elf;

/** A symbol's visibility to the linker: the high four bits of st_info (gABI "Symbol Table", STB_*). */
public enum SymbolBinding {
    LOCAL,
    GLOBAL,
    WEAK,
    /** A value the gABI reserves for operating systems or processors (STB_LOOS..STB_HIPROC). */
    OTHER;

    static SymbolBinding fromInfo(int info) {
        int code = info >>> 4 & 0xf;
        return code < OTHER.ordinal() ? values()[code] : OTHER;
    }
}
