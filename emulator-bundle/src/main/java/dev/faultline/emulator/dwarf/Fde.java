package dev.faultline.emulator.dwarf;

/** A Frame Description Entry (DWARF 5 section 6.4.1): the code range [initialLocation, +addressRange) it describes and its rule program. */
public record Fde(long offset, Cie cie, long initialLocation, long addressRange, CfiInstructions instructions) {

    public long endAddress() {
        return initialLocation + addressRange;
    }

    public boolean contains(long pc) {
        return Long.compareUnsigned(pc, initialLocation) >= 0 && Long.compareUnsigned(pc - initialLocation, addressRange) < 0;
    }
}
