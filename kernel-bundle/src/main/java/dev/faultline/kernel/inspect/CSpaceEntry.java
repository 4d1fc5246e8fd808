package dev.faultline.kernel.inspect;

/**
 * A cap reached from a thread's CSpace root: the CPtr that names it and the depth (bits) it
 * resolves at, the CNode and slot it sits in, and the cap.
 */
public record CSpaceEntry(long cptr, int depth, long cnodeId, CapView cap) {
}
