package dev.faultline.emulator.memory;

/** The kinds of memory access a user-mode hart makes; each needs the page permission of the same name. */
public enum Access {
    READ(1),
    WRITE(2),
    EXECUTE(4);

    private final int bit;

    Access(int bit) {
        this.bit = bit;
    }

    /** This access's bit in a {@link Permissions} value. */
    public int bit() {
        return bit;
    }
}
