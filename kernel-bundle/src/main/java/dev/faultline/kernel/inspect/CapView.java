package dev.faultline.kernel.inspect;

/**
 * One capability in a slot: its type, rights, badge, the CNode guard and radix for CNode caps, and
 * the object it names (0 for caps that name none). description is the kernel's own rendering.
 */
public record CapView(int slot, String type, String rights, long badge, long guard, int guardSize, int radix,
        long objectId, String description) {
}
