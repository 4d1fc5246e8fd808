package dev.faultline.emulator.elf;

/**
 * The ELF64 file header (System V gABI, "ELF Header") of a RISC-V executable, after validation:
 * the entry point and where the program and section header tables are.
 */
public record ElfHeader(
        int type,
        int machine,
        long entry,
        long programHeaderOffset,
        int programHeaderCount,
        long sectionHeaderOffset,
        int sectionHeaderCount,
        int sectionNameTableIndex,
        int flags) {

    /** e_type of an executable file. */
    public static final int ET_EXEC = 2;
    /** e_type of a shared object, which is also what a position-independent executable is. */
    public static final int ET_DYN = 3;
    /** e_machine of RISC-V. */
    public static final int EM_RISCV = 243;
    /** Size of the ELF64 header. */
    public static final int SIZE = 64;
}
