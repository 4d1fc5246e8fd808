package dev.faultline.emulator.dwarf;

import java.util.OptionalLong;

/** Reads target memory for the unwinder: a little-endian value of size bytes; empty when the address is not readable. */
@FunctionalInterface
public interface MemoryReader {

    OptionalLong read(long address, int size);
}
