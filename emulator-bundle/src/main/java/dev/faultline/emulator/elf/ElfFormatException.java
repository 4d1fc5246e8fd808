package dev.faultline.emulator.elf;

/**
 * A malformed ELF file: names the file, the byte offset and the field (an ELF64 structure member
 * as the System V gABI names it) and says what was expected there.
 */
public final class ElfFormatException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String fileName;
    private final long offset;
    private final String field;

    public ElfFormatException(String fileName, long offset, String field, String problem) {
        super(fileName + ": offset 0x" + Long.toHexString(offset) + " (" + field + "): " + problem);
        this.fileName = fileName;
        this.offset = offset;
        this.field = field;
    }

    /** The file as the caller named it. */
    public String fileName() {
        return fileName;
    }

    /** The byte offset in the file of the field that is wrong. */
    public long offset() {
        return offset;
    }

    /** The field, as the gABI names it (e_machine, p_filesz, sh_name...). */
    public String field() {
        return field;
    }
}
