package dev.faultline.kernel.boot;

/**
 * The fixed slots of the root task's CNode (libsel4 bootinfo_types.h); on RISC-V, slots 7, 8 and
 * 12..15 stay empty. Dynamic slots start at seL4_NumInitialCaps.
 */
public final class InitialSlots {

    public static final int NULL = 0;
    public static final int TCB = 1;
    public static final int CNODE = 2;
    public static final int VSPACE = 3;
    public static final int IRQ_CONTROL = 4;
    public static final int ASID_CONTROL = 5;
    public static final int ASID_POOL = 6;
    public static final int BOOT_INFO = 9;
    public static final int IPC_BUFFER = 10;
    public static final int DOMAIN = 11;
    /** seL4_NumInitialCaps. */
    public static final int FIRST_FREE = 16;

    private InitialSlots() {
    }
}
