package dev.faultline.emulator.dwarf;

import java.util.Optional;

/**
 * One file of a line program header (DWARF 4 section 6.2.4 file_names, DWARF 5 file name entries):
 * its name as written, the index of its directory, and the MD5 of its contents when the producer
 * recorded one (DW_LNCT_MD5).
 */
public record FileEntry(String name, long directoryIndex, Optional<String> md5) {
}
