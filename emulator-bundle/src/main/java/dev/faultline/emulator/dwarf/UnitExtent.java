package dev.faultline.emulator.dwarf;

/**
 * Where a length-prefixed unit lies in its section (DWARF 5 section 7.4, 32- and 64-bit formats):
 * its first byte, the first byte after the initial length, and the first byte past it.
 */
record UnitExtent(long start, long contentStart, long end, int offsetSize) {
}
