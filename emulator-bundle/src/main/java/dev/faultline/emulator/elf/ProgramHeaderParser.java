package dev.faultline.emulator.elf;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Reads the program header table (gABI "Program Header") and checks what a loader relies on:
 * file ranges inside the file, filesz <= memsz, no address overflow, congruent alignment, and
 * PT_LOAD segments that do not overlap in memory.
 */
final class ProgramHeaderParser {

    private static final int ENTRY_SIZE = 56;

    private ProgramHeaderParser() {
    }

    static List<Segment> parse(ElfInput in, ElfHeader header) throws ElfFormatException {
        List<Segment> segments = new ArrayList<>(header.programHeaderCount());
        for (int i = 0; i < header.programHeaderCount(); i++) {
            segments.add(parseOne(in, i, header.programHeaderOffset() + (long) i * ENTRY_SIZE));
        }
        checkLoadOverlap(in, header, segments);
        return List.copyOf(segments);
    }

    private static Segment parseOne(ElfInput in, int index, long at) throws ElfFormatException {
        int type = (int) in.u32(at, "p_type");
        int flags = (int) in.u32(at + 4, "p_flags");
        long offset = in.u64(at + 8, "p_offset");
        long vaddr = in.u64(at + 16, "p_vaddr");
        long filesz = in.u64(at + 32, "p_filesz");
        long memsz = in.u64(at + 40, "p_memsz");
        long align = in.u64(at + 48, "p_align");
        String which = "program header " + index;
        if (!in.inside(offset, filesz)) {
            throw in.error(at + 32, "p_filesz", "expected " + which + "'s file range [0x" + Long.toHexString(offset)
                    + ", +0x" + Long.toHexString(filesz) + ") inside the file of 0x" + Long.toHexString(in.length())
                    + " bytes");
        }
        if (type == Segment.PT_LOAD) {
            checkLoadable(in, at, which, offset, vaddr, filesz, memsz, align);
        }
        return new Segment(index, type, flags, offset, vaddr, filesz, memsz, align, in.slice(offset, filesz));
    }

    private static void checkLoadable(ElfInput in, long at, String which, long offset, long vaddr, long filesz,
            long memsz, long align) throws ElfFormatException {
        if (Long.compareUnsigned(filesz, memsz) > 0) {
            throw in.error(at + 32, "p_filesz", "expected p_filesz <= p_memsz (0x" + Long.toHexString(memsz) + ") in "
                    + which + ", found 0x" + Long.toHexString(filesz));
        }
        if (Long.compareUnsigned(vaddr + memsz, vaddr) < 0) {
            throw in.error(at + 40, "p_memsz", "expected p_vaddr + p_memsz to fit in 64 bits in " + which + ", found 0x"
                    + Long.toHexString(vaddr) + " + 0x" + Long.toHexString(memsz));
        }
        if (align > 1 && Long.bitCount(align) != 1) {
            throw in.error(at + 48, "p_align", "expected 0, 1 or a power of two in " + which + ", found 0x"
                    + Long.toHexString(align));
        }
        if (align > 1 && ((vaddr - offset) & (align - 1)) != 0) {
            throw in.error(at + 16, "p_vaddr", "expected p_vaddr congruent to p_offset (0x" + Long.toHexString(offset)
                    + ") modulo p_align (0x" + Long.toHexString(align) + ") in " + which + ", found 0x"
                    + Long.toHexString(vaddr));
        }
    }

    /** Sharing a page is allowed; sharing a byte is not, since the later segment would silently win. */
    private static void checkLoadOverlap(ElfInput in, ElfHeader header, List<Segment> segments)
            throws ElfFormatException {
        List<Segment> loads = new ArrayList<>();
        for (Segment segment : segments) {
            if (segment.isLoad() && segment.memorySize() != 0) {
                loads.add(segment);
            }
        }
        loads.sort(Comparator.comparing(Segment::virtualAddress, Long::compareUnsigned));
        for (int i = 1; i < loads.size(); i++) {
            Segment before = loads.get(i - 1);
            Segment after = loads.get(i);
            if (Long.compareUnsigned(before.endAddress(), after.virtualAddress()) > 0) {
                long at = header.programHeaderOffset() + (long) after.index() * ENTRY_SIZE + 16;
                throw in.error(at, "p_vaddr", "expected PT_LOAD segments not to overlap, found program header "
                        + after.index() + " at 0x" + Long.toHexString(after.virtualAddress()) + " inside program header "
                        + before.index() + " [0x" + Long.toHexString(before.virtualAddress()) + ", 0x"
                        + Long.toHexString(before.endAddress()) + ")");
            }
        }
    }
}
