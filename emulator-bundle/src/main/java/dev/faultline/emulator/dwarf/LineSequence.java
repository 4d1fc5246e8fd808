package dev.faultline.emulator.dwarf;

import java.util.List;

/**
 * A run of rows over contiguous addresses ended by DW_LNE_end_sequence (DWARF 5 section 6.2.5.3):
 * rows cover [startAddress, endAddress), each row up to the next row's address.
 */
public record LineSequence(long startAddress, long endAddress, List<LineRow> rows) {

    public boolean contains(long address) {
        return Long.compareUnsigned(address, startAddress) >= 0 && Long.compareUnsigned(address, endAddress) < 0;
    }

    /** The row covering the address: the last one at or below it (later rows at one address win). */
    LineRow rowAt(long address) {
        int low = 0;
        int high = rows.size() - 1;
        int found = -1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            if (Long.compareUnsigned(rows.get(middle).address(), address) <= 0) {
                found = middle;
                low = middle + 1;
            } else {
                high = middle - 1;
            }
        }
        return found < 0 ? null : rows.get(found);
    }
}
