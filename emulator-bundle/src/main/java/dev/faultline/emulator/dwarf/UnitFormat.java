package dev.faultline.emulator.dwarf;

/**
 * What reading a unit's values depends on (DWARF 5 section 7.4 and 7.5.1): its version, the size of
 * a target address, and 4 or 8 bytes for section offsets (32- or 64-bit DWARF).
 */
record UnitFormat(int version, int addressSize, int offsetSize) {
}
