package dev.faultline.emulator.elf;

/**
 * Reads and checks the ELF64 file header (System V gABI, "ELF Header" and "ELF Identification"):
 * everything a loader relies on before it trusts any other offset in the file.
 */
final class ElfHeaderParser {

    private static final int ELFCLASS64 = 2;
    private static final int ELFDATA2LSB = 1;
    private static final int EV_CURRENT = 1;
    private static final int PROGRAM_HEADER_SIZE = 56;
    private static final int SECTION_HEADER_SIZE = 64;
    /** Section indices from SHN_LORESERVE up mean something else; counts that high use extended numbering. */
    private static final int SHN_LORESERVE = 0xff00;

    private ElfHeaderParser() {
    }

    static ElfHeader parse(ElfInput in) throws ElfFormatException {
        if (in.length() < ElfHeader.SIZE) {
            throw in.error(0, "e_ident", "expected a 64-byte ELF64 header, found a file of " + in.length() + " bytes");
        }
        checkIdentification(in);
        int type = in.u16(16, "e_type");
        if (type == ElfHeader.ET_DYN) {
            throw in.error(16, "e_type", "expected 2 (ET_EXEC), found 3 (ET_DYN): position-independent executables "
                    + "and shared objects are not supported; link with -static and without -pie");
        }
        expect(in, 16, "e_type", type, ElfHeader.ET_EXEC, "ET_EXEC");
        expect(in, 18, "e_machine", in.u16(18, "e_machine"), ElfHeader.EM_RISCV, "RISC-V");
        expect(in, 20, "e_version", in.u32(20, "e_version"), EV_CURRENT, "EV_CURRENT");
        expect(in, 52, "e_ehsize", in.u16(52, "e_ehsize"), ElfHeader.SIZE, "the ELF64 header size");
        long phoff = in.u64(32, "e_phoff");
        int phnum = in.u16(56, "e_phnum");
        long shoff = in.u64(40, "e_shoff");
        int shnum = in.u16(60, "e_shnum");
        int shstrndx = in.u16(62, "e_shstrndx");
        checkTable(in, phoff, phnum, 54, "e_phentsize", PROGRAM_HEADER_SIZE, "program header");
        checkTable(in, shoff, shnum, 58, "e_shentsize", SECTION_HEADER_SIZE, "section header");
        checkSectionCounts(in, shoff, shnum, shstrndx);
        return new ElfHeader(type, ElfHeader.EM_RISCV, in.u64(24, "e_entry"), phoff, phnum, shoff, shnum, shstrndx,
                (int) in.u32(48, "e_flags"));
    }

    private static void checkIdentification(ElfInput in) throws ElfFormatException {
        if (in.u8(0, "e_ident[EI_MAG0]") != 0x7f || in.u8(1, "e_ident[EI_MAG1]") != 'E'
                || in.u8(2, "e_ident[EI_MAG2]") != 'L' || in.u8(3, "e_ident[EI_MAG3]") != 'F') {
            throw in.error(0, "e_ident[EI_MAG0..3]", "expected the magic bytes 7f 45 4c 46 (\\x7fELF), found "
                    + String.format("%02x %02x %02x %02x", in.u8(0, "e_ident"), in.u8(1, "e_ident"), in.u8(2, "e_ident"),
                            in.u8(3, "e_ident")));
        }
        expect(in, 4, "e_ident[EI_CLASS]", in.u8(4, "e_ident[EI_CLASS]"), ELFCLASS64, "ELFCLASS64");
        expect(in, 5, "e_ident[EI_DATA]", in.u8(5, "e_ident[EI_DATA]"), ELFDATA2LSB, "ELFDATA2LSB, little-endian");
        expect(in, 6, "e_ident[EI_VERSION]", in.u8(6, "e_ident[EI_VERSION]"), EV_CURRENT, "EV_CURRENT");
    }

    private static void expect(ElfInput in, long offset, String field, long found, long expected, String meaning)
            throws ElfFormatException {
        if (found != expected) {
            throw in.error(offset, field, "expected " + expected + " (" + meaning + "), found " + found);
        }
    }

    /** A table's entry size must be the ELF64 one (when it has entries) and the table must lie inside the file. */
    private static void checkTable(ElfInput in, long offset, int count, long sizeField, String sizeName, int entrySize,
            String what) throws ElfFormatException {
        if (count == 0) {
            return;
        }
        expect(in, sizeField, sizeName, in.u16(sizeField, sizeName), entrySize, "the ELF64 " + what + " size");
        String offsetField = what.startsWith("program") ? "e_phoff" : "e_shoff";
        long tableSize = (long) count * entrySize;
        if (!in.inside(offset, tableSize)) {
            throw in.error(what.startsWith("program") ? 32 : 40, offsetField, "expected a " + what + " table of " + count
                    + " entries (0x" + Long.toHexString(tableSize) + " bytes) inside the file, found it at 0x"
                    + Long.toHexString(offset) + " in a file of 0x" + Long.toHexString(in.length()) + " bytes");
        }
    }

    private static void checkSectionCounts(ElfInput in, long shoff, int shnum, int shstrndx) throws ElfFormatException {
        if (shnum == 0 && shoff != 0) {
            throw in.error(60, "e_shnum", "expected a section count, found 0 with a section header table: extended "
                    + "section numbering (more than 0xff00 sections) is not supported");
        }
        if (shnum >= SHN_LORESERVE) {
            throw in.error(60, "e_shnum", "expected fewer than 0xff00 sections, found " + shnum);
        }
        if (shstrndx != 0 && shstrndx >= shnum) {
            throw in.error(62, "e_shstrndx", "expected a section index below e_shnum (" + shnum + "), found " + shstrndx);
        }
    }
}
