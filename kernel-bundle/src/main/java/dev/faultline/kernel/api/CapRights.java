package dev.faultline.kernel.api;

/**
 * seL4_CapRights_t: AllowGrantReply (bit 3), AllowGrant (2), AllowRead (1), AllowWrite (0)
 * (libsel4 mode/64 shared_types.bf). Masking can only remove rights.
 */
public record CapRights(int bits) {

    public static final CapRights ALL = new CapRights(0xf);
    public static final CapRights NONE = new CapRights(0);
    public static final CapRights READ_WRITE = new CapRights(0x3);

    public CapRights {
        bits &= 0xf;
    }

    public static CapRights fromWord(long word) {
        return new CapRights((int) (word & 0xf));
    }

    public boolean write() {
        return (bits & 1) != 0;
    }

    public boolean read() {
        return (bits & 2) != 0;
    }

    public boolean grant() {
        return (bits & 4) != 0;
    }

    public boolean grantReply() {
        return (bits & 8) != 0;
    }

    /** The rights in both: what a mask leaves. */
    public CapRights and(CapRights mask) {
        return new CapRights(bits & mask.bits);
    }

    @Override
    public String toString() {
        return (read() ? "R" : "") + (write() ? "W" : "") + (grant() ? "G" : "") + (grantReply() ? "P" : "")
                + (bits == 0 ? "-" : "");
    }
}
