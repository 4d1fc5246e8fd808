package dev.faultline.emulator.elf;

import java.nio.ByteBuffer;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * One program header (gABI "Program Header") with its file bytes: for a PT_LOAD segment, what a
 * loader copies to vaddr (filesz bytes) and zero-fills up to memsz.
 *
 * <p>The parser guarantees: offset + filesz lies inside the file, filesz <= memsz, vaddr + memsz does
 * not overflow, and PT_LOAD segments do not overlap in [vaddr, vaddr + memsz). Two PT_LOAD segments
 * may still share a page with different permissions (the bare linker script places .rodata and
 * .data that way), so a loader must give a page the union of the permissions of the segments in it,
 * or track permissions per byte range, rather than let the later segment's permissions win.
 */
public final class Segment {

    /** p_type of a loadable segment. */
    public static final int PT_LOAD = 1;

    private final int index;
    private final int type;
    private final Set<SegmentPermission> permissions;
    private final long offset;
    private final long virtualAddress;
    private final long fileSize;
    private final long memorySize;
    private final long alignment;
    private final ByteBuffer fileBytes;

    Segment(int index, int type, int flags, long offset, long virtualAddress, long fileSize, long memorySize,
            long alignment, ByteBuffer fileBytes) {
        this.index = index;
        this.type = type;
        EnumSet<SegmentPermission> set = EnumSet.noneOf(SegmentPermission.class);
        for (SegmentPermission permission : SegmentPermission.values()) {
            if ((flags & permission.flag()) != 0) {
                set.add(permission);
            }
        }
        this.permissions = Collections.unmodifiableSet(set);
        this.offset = offset;
        this.virtualAddress = virtualAddress;
        this.fileSize = fileSize;
        this.memorySize = memorySize;
        this.alignment = alignment;
        this.fileBytes = fileBytes;
    }

    /** Position in the program header table. */
    public int index() {
        return index;
    }

    /** p_type (PT_LOAD = 1; others are kept so tools can list them). */
    public int type() {
        return type;
    }

    public boolean isLoad() {
        return type == PT_LOAD;
    }

    public Set<SegmentPermission> permissions() {
        return permissions;
    }

    public boolean isReadable() {
        return permissions.contains(SegmentPermission.READ);
    }

    public boolean isWritable() {
        return permissions.contains(SegmentPermission.WRITE);
    }

    public boolean isExecutable() {
        return permissions.contains(SegmentPermission.EXECUTE);
    }

    /** p_offset: where the segment's bytes start in the file. */
    public long offset() {
        return offset;
    }

    /** p_vaddr: where the segment starts in memory. */
    public long virtualAddress() {
        return virtualAddress;
    }

    /** p_filesz: bytes copied from the file. */
    public long fileSize() {
        return fileSize;
    }

    /** p_memsz: bytes occupied in memory; those past fileSize are zero. */
    public long memorySize() {
        return memorySize;
    }

    /** p_align (0 or 1 mean none); for PT_LOAD, vaddr and offset agree modulo it. */
    public long alignment() {
        return alignment;
    }

    /** The first address past the segment in memory (never overflows: the parser checked). */
    public long endAddress() {
        return virtualAddress + memorySize;
    }

    /** Whether the address lies in [vaddr, vaddr + memsz), compared unsigned. */
    public boolean contains(long address) {
        return Long.compareUnsigned(address, virtualAddress) >= 0 && Long.compareUnsigned(address, endAddress()) < 0;
    }

    /** The fileSize bytes to copy to vaddr: a read-only little-endian view of the file, position 0. */
    public ByteBuffer fileBytes() {
        return fileBytes.duplicate().order(fileBytes.order());
    }

    /** A copy of the file bytes, for a loader that wants an array. */
    public byte[] copyFileBytes() {
        byte[] copy = new byte[(int) fileSize];
        fileBytes().get(copy);
        return copy;
    }

    @Override
    public String toString() {
        return "Segment[" + index + " type=0x" + Integer.toHexString(type) + " vaddr=0x" + Long.toHexString(virtualAddress)
                + " offset=0x" + Long.toHexString(offset) + " filesz=0x" + Long.toHexString(fileSize) + " memsz=0x"
                + Long.toHexString(memorySize) + " " + permissions + "]";
    }
}
