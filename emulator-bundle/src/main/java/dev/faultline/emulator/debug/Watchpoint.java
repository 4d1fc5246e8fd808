package dev.faultline.emulator.debug;

/** A watched range of virtual addresses [address, address + length). */
public record Watchpoint(long address, long length, WatchKind kind, WatchTiming timing) {

    public Watchpoint {
        if (length <= 0) {
            throw new IllegalArgumentException("a watchpoint covers at least one byte, got length " + length);
        }
        if (address + length < address && address + length != 0) {
            throw new IllegalArgumentException(String.format("watchpoint 0x%x+%d wraps around the address space", address, length));
        }
    }

    /** Whether an access of size bytes at address touches the watched range. */
    public boolean overlaps(long accessAddress, int size) {
        return Long.compareUnsigned(accessAddress, address + length - 1) <= 0
                && Long.compareUnsigned(accessAddress + size - 1, address) >= 0;
    }

    /** The last byte covered. */
    public long lastAddress() {
        return address + length - 1;
    }
}
