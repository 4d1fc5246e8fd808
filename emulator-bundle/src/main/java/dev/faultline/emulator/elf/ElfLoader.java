package dev.faultline.emulator.elf;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.function.Supplier;

import dev.faultline.emulator.memory.AddressSpace;
import dev.faultline.emulator.memory.Frame;
import dev.faultline.emulator.memory.Page;
import dev.faultline.emulator.memory.Permissions;

/**
 * Loads an executable's PT_LOAD segments into an address space: each page gets a fresh frame,
 * the file bytes (zeros up to memsz) and the union of the permissions of the segments that
 * touch it, since two segments may share a page (riscv-toolchain-notes: static executables).
 */
public final class ElfLoader {

    private ElfLoader() {
    }

    /** What was loaded: the entry point and the pages, in address order. */
    public record LoadedImage(String name, long entry, List<Page> pages) {
    }

    /** Loads elf into space with frames from the supplier; the pages it needs must be unmapped. */
    public static LoadedImage load(ElfFile elf, AddressSpace space, Supplier<Frame> frames) throws ElfFormatException {
        TreeMap<Long, Integer> pagePermissions = new TreeMap<>();
        for (Segment segment : elf.loadSegments()) {
            checkInUserSpace(elf, segment);
            if (segment.memorySize() == 0) {
                continue;
            }
            int bits = (segment.isReadable() || segment.isWritable() ? 1 : 0)
                    | (segment.isWritable() ? 2 : 0) | (segment.isExecutable() ? 4 : 0);
            long first = segment.virtualAddress() >>> Frame.SHIFT;
            long last = (segment.virtualAddress() + segment.memorySize() - 1) >>> Frame.SHIFT;
            for (long vpn = first; vpn <= last; vpn++) {
                pagePermissions.merge(vpn, bits, (a, b) -> a | b);
            }
        }
        List<Page> pages = new ArrayList<>(pagePermissions.size());
        for (var entry : pagePermissions.entrySet()) {
            long vaddr = entry.getKey() << Frame.SHIFT;
            if (space.page(vaddr) != null) {
                throw new ElfFormatException(elf.fileName(), elf.header().programHeaderOffset(), "PT_LOAD segments",
                        String.format("expected pages that are free in the address space, but 0x%x is already mapped", vaddr));
            }
            pages.add(space.map(vaddr, frames.get(), new Permissions(entry.getValue())));
        }
        for (Segment segment : elf.loadSegments()) {
            byte[] bytes = segment.copyFileBytes();
            space.write(segment.virtualAddress(), bytes, 0, bytes.length);
        }
        return new LoadedImage(elf.fileName(), elf.entry(), pages);
    }

    private static void checkInUserSpace(ElfFile elf, Segment segment) throws ElfFormatException {
        long start = segment.virtualAddress();
        long end = start + segment.memorySize();
        if (!AddressSpace.isUserAddress(start) || Long.compareUnsigned(end, AddressSpace.USER_LIMIT) > 0) {
            // 56 bytes per ELF64 program header; p_vaddr is at offset 16 within it.
            long offset = elf.header().programHeaderOffset() + 56L * segment.index() + 16;
            throw new ElfFormatException(elf.fileName(), offset, "p_vaddr of program header " + segment.index(),
                    String.format("expected a segment inside user memory [0, 0x%x), found [0x%x, 0x%x)",
                            AddressSpace.USER_LIMIT, start, end));
        }
    }
}
