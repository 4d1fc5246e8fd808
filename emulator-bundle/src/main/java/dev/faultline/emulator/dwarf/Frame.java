package dev.faultline.emulator.dwarf;

import java.util.OptionalLong;

/**
 * One frame of a backtrace: its pc (for callers, the return address), its Canonical Frame Address
 * (the caller's sp at the call, DWARF 5 section 6.4; empty when no CFI covers the pc) and the
 * register values known in it.
 */
public record Frame(int level, long pc, OptionalLong cfa, RegisterReader registers) {
}
