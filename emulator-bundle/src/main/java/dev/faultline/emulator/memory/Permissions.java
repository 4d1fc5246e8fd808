package dev.faultline.emulator.memory;

/**
 * The R/W/X permissions of a user page, as the leaf bits of an Sv39 page-table entry carry them
 * (RISC-V privileged specification, "Sv39": write-only pages are reserved and not allowed).
 */
public record Permissions(int bits) {

    public static final Permissions NONE = new Permissions(0);
    public static final Permissions R = new Permissions(1);
    public static final Permissions RW = new Permissions(3);
    public static final Permissions X = new Permissions(4);
    public static final Permissions RX = new Permissions(5);
    public static final Permissions RWX = new Permissions(7);

    public Permissions {
        if ((bits & ~7) != 0 || (bits & 3) == 2) {
            throw new IllegalArgumentException("page permissions must be a combination of r, w, x with w only beside r,"
                    + " got bits " + bits);
        }
    }

    /** Whether an access of this kind is allowed. */
    public boolean allows(Access access) {
        return (bits & access.bit()) != 0;
    }

    /** Parses "rwx", "r-x", "rw", "x" and the like. */
    public static Permissions parse(String text) {
        int bits = 0;
        for (char c : text.toCharArray()) {
            switch (c) {
                case 'r', 'R' -> bits |= 1;
                case 'w', 'W' -> bits |= 2;
                case 'x', 'X' -> bits |= 4;
                case '-' -> { }
                default -> throw new IllegalArgumentException("page permissions '" + text
                        + "': expected only the letters r, w, x and '-'");
            }
        }
        return new Permissions(bits);
    }

    @Override
    public String toString() {
        return ((bits & 1) != 0 ? "r" : "-") + ((bits & 2) != 0 ? "w" : "-") + ((bits & 4) != 0 ? "x" : "-");
    }
}
