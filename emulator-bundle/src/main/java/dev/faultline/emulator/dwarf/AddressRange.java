package dev.faultline.emulator.dwarf;

/** A half-open range of code addresses [low, high) (DWARF 5 section 2.17), compared unsigned. */
public record AddressRange(long low, long high) {

    public boolean contains(long address) {
        return Long.compareUnsigned(address, low) >= 0 && Long.compareUnsigned(address, high) < 0;
    }

    public boolean isEmpty() {
        return Long.compareUnsigned(high, low) <= 0;
    }

    @Override
    public String toString() {
        return "[0x" + Long.toHexString(low) + ", 0x" + Long.toHexString(high) + ")";
    }
}
