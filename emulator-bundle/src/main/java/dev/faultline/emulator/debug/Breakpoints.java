package dev.faultline.emulator.debug;

import java.util.HashSet;
import java.util.Set;

/**
 * The software breakpoints of one address space, by virtual address. Looked up only when an
 * instruction is decoded, never per executed instruction: the hart marks hooked slots instead.
 */
public final class Breakpoints {

    private final Set<Long> addresses = new HashSet<>();
    private BreakpointCheck check = BreakpointCheck.ALWAYS;

    /** Adds a breakpoint; returns false if one was already there. */
    public boolean add(long address) {
        return addresses.add(address);
    }

    /** Removes a breakpoint; returns false if there was none. */
    public boolean remove(long address) {
        return addresses.remove(address);
    }

    public boolean contains(long address) {
        return !addresses.isEmpty() && addresses.contains(address);
    }

    public boolean isEmpty() {
        return addresses.isEmpty();
    }

    /** The breakpoint addresses, in no particular order. */
    public Set<Long> addresses() {
        return Set.copyOf(addresses);
    }

    /** What decides whether a breakpoint reached stops the hart (by default, each one does). */
    public void setCheck(BreakpointCheck check) {
        this.check = check == null ? BreakpointCheck.ALWAYS : check;
    }

    public BreakpointCheck check() {
        return check;
    }
}
