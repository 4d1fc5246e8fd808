package dev.faultline.emulator.debug;

/**
 * Which accesses a watchpoint catches, as DAP data breakpoints name them (read, write,
 * readWrite). The same values describe an access: a load READs, a store WRITEs, an AMO does both.
 */
public enum WatchKind {
    READ,
    WRITE,
    ACCESS;

    /** Whether a watchpoint of this kind catches the given access. */
    public boolean catches(WatchKind access) {
        return switch (this) {
            case READ -> access != WRITE;
            case WRITE -> access != READ;
            case ACCESS -> true;
        };
    }
}
