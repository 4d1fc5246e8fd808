package dev.faultline.emulator.disasm;

/**
 * Versions of the RISC-V privileged specification, which decide the names of some CSRs. An ELF file
 * records its version in the Tag_RISCV_priv_spec attributes (GCC 12 writes 1.11); objdump names
 * CSRs after that version, or after the newest one it knows when the file records none.
 */
public enum PrivilegedSpec {
    V1_9_1, V1_10, V1_11, V1_12;

    /** The version objdump assumes for a file without a privileged-specification attribute. */
    public static PrivilegedSpec latest() {
        return V1_12;
    }

    /**
     * The version from an ELF file's Tag_RISCV_priv_spec, _minor and _revision attributes;
     * unknown combinations give the latest version, as objdump treats them.
     */
    public static PrivilegedSpec fromAttributes(int major, int minor, int revision) {
        if (major != 1) {
            return latest();
        }
        return switch (minor) {
            case 9 -> revision == 1 ? V1_9_1 : latest();
            case 10 -> V1_10;
            case 11 -> V1_11;
            default -> latest();
        };
    }
}
