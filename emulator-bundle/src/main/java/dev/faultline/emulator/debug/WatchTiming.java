package dev.faultline.emulator.debug;

/**
 * When a watchpoint stops the hart: BEFORE leaves the access undone with the pc at the accessing
 * instruction; AFTER completes the instruction and stops with the pc after it (DAP's usual view:
 * the new value is visible).
 */
public enum WatchTiming {
    BEFORE,
    AFTER
}
