package dev.faultline.kernel.boot;

import java.util.List;

import dev.faultline.kernel.object.Frame;

/**
 * seL4_BootInfo as the root task reads it from its boot-info frame (64-bit, non-MCS layout of
 * bootinfo_types.h): slot regions are {start, end} with end exclusive; each untyped is described
 * by its physical address, size bits and device flag.
 */
final class BootInfo {

    static final int UNTYPED_LIST = 168;
    static final int UNTYPED_DESCRIPTOR = 16;

    private final int cnodeSizeBits;
    private final long ipcBuffer;
    long[] empty;
    long[] userImageFrames;
    long[] userImagePaging;
    long[] extraBootInfoPages;
    /** Each: slot, physical address, size bits. */
    List<long[]> untypeds;

    BootInfo(int cnodeSizeBits, long ipcBuffer) {
        this.cnodeSizeBits = cnodeSizeBits;
        this.ipcBuffer = ipcBuffer;
    }

    void write(Frame frame) {
        byte[] page = new byte[4096];
        put(page, 0, 0);                 // extraLen
        put(page, 8, 0);                 // nodeID
        put(page, 16, 1);                // numNodes
        put(page, 24, 0);                // numIOPTLevels
        put(page, 32, ipcBuffer);
        region(page, 40, empty);
        region(page, 56, new long[] {0, 0}); // sharedFrames
        region(page, 72, userImageFrames);
        region(page, 88, userImagePaging);
        region(page, 104, new long[] {0, 0}); // ioSpaceCaps
        region(page, 120, extraBootInfoPages);
        put(page, 136, cnodeSizeBits);
        put(page, 144, 0);               // initThreadDomain
        long firstUntyped = untypeds.isEmpty() ? empty[0] : untypeds.get(0)[0];
        region(page, 152, new long[] {firstUntyped, firstUntyped + untypeds.size()});
        for (int i = 0; i < untypeds.size(); i++) {
            int at = UNTYPED_LIST + i * UNTYPED_DESCRIPTOR;
            put(page, at, untypeds.get(i)[1]);
            page[at + 8] = (byte) untypeds.get(i)[2];
            page[at + 9] = 0;            // isDevice
        }
        frame.piece(0).write(0, page, 0, page.length);
    }

    private static void region(byte[] page, int at, long[] region) {
        put(page, at, region[0]);
        put(page, at + 8, region[1]);
    }

    private static void put(byte[] page, int at, long value) {
        for (int i = 0; i < 8; i++) {
            page[at + i] = (byte) (value >>> (8 * i));
        }
    }
}
