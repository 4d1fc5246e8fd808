package dev.faultline.emulator.elf;

/** What a symbol names: the low four bits of st_info (gABI "Symbol Table", STT_*). */
public enum SymbolType {
    NOTYPE,
    OBJECT,
    FUNC,
    SECTION,
    FILE,
    COMMON,
    TLS,
    /** A value the gABI reserves for operating systems or processors (STT_LOOS..STT_HIPROC). */
    OTHER;

    static SymbolType fromInfo(int info) {
        int code = info & 0xf;
        return code < OTHER.ordinal() ? values()[code] : OTHER;
    }
}
