package dev.faultline.emulator.disasm;

/** The two spellings of objdump's RISC-V disassembly. */
public enum Syntax {
    /** objdump's default: pseudoinstructions and expanded compressed instructions (li, mv, ret, add). */
    ALIASES,
    /** objdump -M no-aliases: every instruction by its own mnemonic, compressed ones as c.*. */
    NO_ALIASES
}
