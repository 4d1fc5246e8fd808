package dev.faultline.emulator.dwarf;

/**
 * Malformed or unsupported DWARF: names the section, the byte offset inside it and what was
 * expected there (DWARF 4 and 5 specifications name the structures).
 */
public final class DwarfFormatException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String section;
    private final long offset;

    public DwarfFormatException(String section, long offset, String problem) {
        super(section + ": offset 0x" + Long.toHexString(offset) + ": " + problem);
        this.section = section;
        this.offset = offset;
    }

    /** The section's name, like ".debug_line". */
    public String section() {
        return section;
    }

    /** The byte offset inside the section. */
    public long offset() {
        return offset;
    }
}
