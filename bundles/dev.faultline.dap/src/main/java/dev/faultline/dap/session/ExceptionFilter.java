package dev.faultline.dap.session;

import java.util.Optional;

import dev.faultline.kernel.api.Fault;
import dev.faultline.kernel.journal.KernelEvent;

/**
 * The exception breakpoint filters: one per seL4 fault kind, stopping where a thread faults, and
 * three for the fault's path through the kernel (no handler, message delivered, reply applied).
 */
public enum ExceptionFilter {
    CAP_FAULT("CapFault", "Cap fault", "A capability lookup failed in a system call", true),
    UNKNOWN_SYSCALL("UnknownSyscall", "Unknown system call", "A thread made a system call seL4 does not have", true),
    USER_EXCEPTION("UserException", "User exception", "An illegal instruction, misaligned access or ebreak", true),
    VM_FAULT("VMFault", "VM fault", "A page or access fault on a fetch, load or store", true),
    NO_HANDLER("noHandler", "Fault with no handler", "A fault no valid handler can receive (the thread stops)", true),
    DELIVERED("faultDelivered", "Fault message delivered", "A fault message reached its handler thread", false),
    REPLY_APPLIED("faultReplyApplied", "Fault reply applied", "A handler's reply restarted or ended a faulted thread",
            false);

    private final String id;
    private final String label;
    private final String description;
    private final boolean byDefault;

    ExceptionFilter(String id, String label, String description, boolean byDefault) {
        this.id = id;
        this.label = label;
        this.description = description;
        this.byDefault = byDefault;
    }

    /** The DAP filter id. */
    public String id() {
        return id;
    }

    public String label() {
        return label;
    }

    public String description() {
        return description;
    }

    /** Whether a client that shows the filters starts with it ticked. */
    public boolean byDefault() {
        return byDefault;
    }

    public static Optional<ExceptionFilter> byId(String id) {
        for (ExceptionFilter filter : values()) {
            if (filter.id.equals(id)) {
                return Optional.of(filter);
            }
        }
        return Optional.empty();
    }

    /** The filter a kernel event belongs to, if any. */
    public static Optional<ExceptionFilter> of(KernelEvent event) {
        return switch (event) {
            case KernelEvent.FaultRaised raised -> Optional.of(of(raised.fault()));
            case KernelEvent.DoubleFault ignored -> Optional.of(NO_HANDLER);
            case KernelEvent.FaultDelivered ignored -> Optional.of(DELIVERED);
            case KernelEvent.FaultReplyApplied ignored -> Optional.of(REPLY_APPLIED);
            default -> Optional.empty();
        };
    }

    public static ExceptionFilter of(Fault fault) {
        return switch (fault) {
            case Fault.CapFault f -> CAP_FAULT;
            case Fault.UnknownSyscall f -> UNKNOWN_SYSCALL;
            case Fault.UserException f -> USER_EXCEPTION;
            case Fault.VmFault f -> VM_FAULT;
        };
    }
}
