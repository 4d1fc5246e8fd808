package dev.faultline.emulator.memory;

import java.util.Arrays;

/**
 * The translations an address space has handed to the hart's fast path, direct-mapped by virtual
 * page number. An entry exists only where the access needs no check: read and write entries
 * leave out watched pages, write entries leave out frames holding decoded code.
 */
public final class Tlb {

    public static final int ENTRIES = 1024;
    public static final int MASK = ENTRIES - 1;
    /** No virtual page number of a user address equals this, so empty entries never match. */
    static final long EMPTY = -1L;

    public final long[] readTag = new long[ENTRIES];
    public final byte[][] readData = new byte[ENTRIES][];
    public final long[] writeTag = new long[ENTRIES];
    public final byte[][] writeData = new byte[ENTRIES][];
    public final long[] executeTag = new long[ENTRIES];
    public final Page[] executePage = new Page[ENTRIES];

    Tlb() {
        flush();
    }

    void fillRead(long vpn, byte[] data) {
        int i = (int) vpn & MASK;
        readTag[i] = vpn;
        readData[i] = data;
    }

    void fillWrite(long vpn, byte[] data) {
        int i = (int) vpn & MASK;
        writeTag[i] = vpn;
        writeData[i] = data;
    }

    void fillExecute(long vpn, Page page) {
        int i = (int) vpn & MASK;
        executeTag[i] = vpn;
        executePage[i] = page;
    }

    void invalidateWrite(long vpn) {
        int i = (int) vpn & MASK;
        if (writeTag[i] == vpn) {
            writeTag[i] = EMPTY;
            writeData[i] = null;
        }
    }

    void invalidate(long vpn) {
        int i = (int) vpn & MASK;
        if (readTag[i] == vpn) {
            readTag[i] = EMPTY;
            readData[i] = null;
        }
        invalidateWrite(vpn);
        if (executeTag[i] == vpn) {
            executeTag[i] = EMPTY;
            executePage[i] = null;
        }
    }

    void flush() {
        Arrays.fill(readTag, EMPTY);
        Arrays.fill(readData, null);
        Arrays.fill(writeTag, EMPTY);
        Arrays.fill(writeData, null);
        Arrays.fill(executeTag, EMPTY);
        Arrays.fill(executePage, null);
    }
}
