package dev.faultline.kernel.object;

/** The slots a TCB holds itself (seL4 tcb_cnode_index): its roots, its reply caps, its IPC buffer frame. */
public enum TcbSlot {
    CSPACE_ROOT,
    VSPACE_ROOT,
    REPLY,
    CALLER,
    IPC_BUFFER
}
