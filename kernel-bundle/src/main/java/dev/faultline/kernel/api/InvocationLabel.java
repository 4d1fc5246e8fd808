package dev.faultline.kernel.api;

/**
 * The invocation labels of seL4 riscv64, non-MCS, no SMP, in the 15.0/16.0 numbering: the
 * generic labels from 0, then the RISC-V labels from nInvocationLabels = 33 (sel4.xml order).
 */
public enum InvocationLabel {
    INVALID_INVOCATION(0),
    UNTYPED_RETYPE(1),
    TCB_READ_REGISTERS(2),
    TCB_WRITE_REGISTERS(3),
    TCB_COPY_REGISTERS(4),
    TCB_CONFIGURE(5),
    TCB_SET_PRIORITY(6),
    TCB_SET_MC_PRIORITY(7),
    TCB_SET_SCHED_PARAMS(8),
    TCB_SET_IPC_BUFFER(9),
    TCB_SET_SPACE(10),
    TCB_SUSPEND(11),
    TCB_RESUME(12),
    TCB_BIND_NOTIFICATION(13),
    TCB_UNBIND_NOTIFICATION(14),
    TCB_SET_TLS_BASE(15),
    TCB_SET_FLAGS(16),
    CNODE_REVOKE(17),
    CNODE_DELETE(18),
    CNODE_CANCEL_BADGED_SENDS(19),
    CNODE_COPY(20),
    CNODE_MINT(21),
    CNODE_MOVE(22),
    CNODE_MUTATE(23),
    CNODE_ROTATE(24),
    CNODE_SAVE_CALLER(25),
    IRQ_ISSUE_IRQ_HANDLER(26),
    IRQ_ACK_IRQ(27),
    IRQ_SET_IRQ_HANDLER(28),
    IRQ_CLEAR_IRQ_HANDLER(29),
    DOMAIN_SET_SET(30),
    DOMAIN_SCHEDULE_CONFIGURE(31),
    DOMAIN_SCHEDULE_SET_START(32),
    RISCV_PAGE_TABLE_MAP(33),
    RISCV_PAGE_TABLE_UNMAP(34),
    RISCV_PAGE_MAP(35),
    RISCV_PAGE_UNMAP(36),
    RISCV_PAGE_GET_ADDRESS(37),
    RISCV_ASID_CONTROL_MAKE_POOL(38),
    RISCV_ASID_POOL_ASSIGN(39),
    RISCV_IRQ_ISSUE_IRQ_HANDLER_TRIGGER(40);

    private static final InvocationLabel[] BY_NUMBER = values();

    private final int number;

    InvocationLabel(int number) {
        this.number = number;
    }

    public int number() {
        return number;
    }

    /** The label with this number, or null for a number no invocation has. */
    public static InvocationLabel fromNumber(long label) {
        return label >= 0 && label < BY_NUMBER.length ? BY_NUMBER[(int) label] : null;
    }
}
