package dev.faultline.kernel.inspect;

/** One page mapped in a VSpace: the virtual address, the frame, its size and the access granted
 * as "rwx" with '-' for what is not granted. */
public record MappingView(long vaddr, long frameId, int sizeBits, String rights) {
}
