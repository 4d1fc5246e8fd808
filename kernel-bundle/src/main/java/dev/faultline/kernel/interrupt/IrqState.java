package dev.faultline.kernel.interrupt;

/** seL4's IRQ states (include/object/interrupt.h): no handler, a handler that signals, or the kernel's own. */
public enum IrqState {
    INACTIVE,
    SIGNAL,
    RESERVED
}
