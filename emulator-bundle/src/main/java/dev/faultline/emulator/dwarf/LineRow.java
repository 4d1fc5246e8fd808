package dev.faultline.emulator.dwarf;

/**
 * One row of the line number matrix (DWARF 5 section 6.2.2): the instruction at address comes from
 * file:line:column; isStmt marks the rows a debugger stops at for a source line breakpoint.
 */
public record LineRow(long address, String file, int line, int column, boolean isStmt) {
}
