package dev.faultline.emulator.debug;

/** A watchpoint that stopped the hart: which one, the access that hit it, and the accessing instruction's pc. */
public record WatchpointHit(Watchpoint watchpoint, long address, int size, WatchKind access, long pc) {
}
