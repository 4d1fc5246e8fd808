package dev.faultline.emulator.elf;

/** The access a program header grants to its segment (gABI p_flags: PF_R, PF_W, PF_X). */
public enum SegmentPermission {
    READ(4),
    WRITE(2),
    EXECUTE(1);

    private final int flag;

    SegmentPermission(int flag) {
        this.flag = flag;
    }

    /** The p_flags bit. */
    public int flag() {
        return flag;
    }
}
