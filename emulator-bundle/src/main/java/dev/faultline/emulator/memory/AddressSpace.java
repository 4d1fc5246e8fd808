package dev.faultline.emulator.memory;

import java.util.ArrayList;
import java.util.List;

import dev.faultline.emulator.debug.Breakpoints;
import dev.faultline.emulator.debug.WatchKind;
import dev.faultline.emulator.debug.Watchpoint;

/**
 * A user virtual address space shaped like Sv39's lower half: 4 KiB pages below 2^38, found
 * through three levels of 512 entries (RISC-V privileged specification, "Sv39"). The caller (the
 * kernel) maps and unmaps frames; the hart reads translations through {@link #tlb()} and comes
 * back here, to the slow path, only on a miss or a check (permission, watchpoint, decoded code).
 */
public final class AddressSpace {

    /** First address above user space: Sv39 user addresses have bit 38 clear. */
    public static final long USER_LIMIT = 1L << 38;

    private static final int LEVEL_BITS = 9;
    private static final int LEVEL_MASK = (1 << LEVEL_BITS) - 1;

    private final Page[][][] root = new Page[1 << LEVEL_BITS][][];
    private final Tlb tlb = new Tlb();
    private final Breakpoints breakpoints = new Breakpoints();
    private final List<Watchpoint> watchpoints = new ArrayList<>();
    private final List<Page> pagesWithCode = new ArrayList<>();
    private int mappedPages;

    /** The fast-path translations the hart reads. */
    public Tlb tlb() {
        return tlb;
    }

    /** Whether vaddr is a user address this address space could map. */
    public static boolean isUserAddress(long vaddr) {
        return vaddr >= 0 && vaddr < USER_LIMIT;
    }

    /** Maps frame at the page-aligned user address vaddr; the slot must be empty. */
    public Page map(long vaddr, Frame frame, Permissions permissions) {
        if ((vaddr & (Frame.SIZE - 1)) != 0 || !isUserAddress(vaddr)) {
            throw new IllegalArgumentException(String.format(
                    "cannot map at 0x%x: expected a 4 KiB-aligned address below 0x%x", vaddr, USER_LIMIT));
        }
        long vpn = vaddr >>> Frame.SHIFT;
        Page[] leaf = leaf(vpn, true);
        int index = (int) vpn & LEVEL_MASK;
        if (leaf[index] != null) {
            throw new IllegalStateException(String.format("cannot map at 0x%x: already mapped (%s)", vaddr, leaf[index]));
        }
        Page page = new Page(this, vpn, frame, permissions);
        page.setWatched(watchpoints.stream().anyMatch(w -> overlapsPage(w, vpn)));
        leaf[index] = page;
        frame.addMapping(page);
        mappedPages++;
        tlb.invalidate(vpn);
        return page;
    }

    /** Unmaps the page at vaddr, returning its frame, or null if nothing was mapped there. */
    public Frame unmap(long vaddr) {
        if (!isUserAddress(vaddr)) {
            return null;
        }
        long vpn = vaddr >>> Frame.SHIFT;
        Page[] leaf = leaf(vpn, false);
        int index = (int) vpn & LEVEL_MASK;
        if (leaf == null || leaf[index] == null) {
            return null;
        }
        Page page = leaf[index];
        leaf[index] = null;
        page.frame().removeMapping(page);
        pagesWithCode.remove(page);
        mappedPages--;
        tlb.invalidate(vpn);
        return page.frame();
    }

    /**
     * Whether the page at vaddr allows this access but no memory backs its frame: such an access
     * is an access fault, where a missing page or permission is a page fault.
     */
    public boolean unbackedFor(long vaddr, Access access) {
        Page page = page(vaddr);
        return page != null && page.permissions().allows(access) && !page.frame().isBacked();
    }

    /** The page mapped at vaddr (any offset within it), or null. */
    public Page page(long vaddr) {
        if (!isUserAddress(vaddr)) {
            return null;
        }
        long vpn = vaddr >>> Frame.SHIFT;
        Page[] leaf = leaf(vpn, false);
        return leaf == null ? null : leaf[(int) vpn & LEVEL_MASK];
    }

    /** How many pages are mapped. */
    public int mappedPages() {
        return mappedPages;
    }

    /** Every mapped page, in address order. */
    public List<Page> pages() {
        List<Page> pages = new ArrayList<>(mappedPages);
        for (Page[][] middle : root) {
            if (middle == null) {
                continue;
            }
            for (Page[] leaf : middle) {
                if (leaf == null) {
                    continue;
                }
                for (Page page : leaf) {
                    if (page != null) {
                        pages.add(page);
                    }
                }
            }
        }
        return pages;
    }

    private Page[] leaf(long vpn, boolean create) {
        int top = (int) (vpn >>> (2 * LEVEL_BITS)) & LEVEL_MASK;
        int middle = (int) (vpn >>> LEVEL_BITS) & LEVEL_MASK;
        Page[][] middles = root[top];
        if (middles == null) {
            if (!create) {
                return null;
            }
            middles = root[top] = new Page[1 << LEVEL_BITS][];
        }
        Page[] leaf = middles[middle];
        if (leaf == null && create) {
            leaf = middles[middle] = new Page[1 << LEVEL_BITS];
        }
        return leaf;
    }

    // ---- the hart's slow path: checked translations that refill the TLB when they may ----

    /** The bytes behind page vpn for a load, or null if unmapped, not readable or unbacked. */
    public byte[] readable(long vpn) {
        Page page = pageByNumber(vpn);
        if (page == null || !page.permissions().allows(Access.READ) || !page.frame().isBacked()) {
            return null;
        }
        byte[] bytes = page.frame().bytes();
        if (!page.isWatched()) {
            tlb.fillRead(vpn, bytes);
        }
        return bytes;
    }

    /**
     * The page vpn for a store, or null if unmapped, not writable or unbacked. The caller writes
     * the frame's bytes and, when the frame holds code, invalidates what it overwrote.
     */
    public Page writable(long vpn) {
        Page page = pageByNumber(vpn);
        if (page == null || !page.permissions().allows(Access.WRITE) || !page.frame().isBacked()) {
            return null;
        }
        if (!page.isWatched() && !page.frame().holdsCode()) {
            tlb.fillWrite(vpn, page.frame().bytes());
        }
        return page;
    }

    /** The page vpn for an instruction fetch, or null if unmapped, not executable or unbacked. */
    public Page executable(long vpn) {
        Page page = pageByNumber(vpn);
        if (page == null || !page.permissions().allows(Access.EXECUTE) || !page.frame().isBacked()) {
            return null;
        }
        tlb.fillExecute(vpn, page);
        return page;
    }

    private Page pageByNumber(long vpn) {
        return vpn >= 0 && vpn < (USER_LIMIT >>> Frame.SHIFT) ? page(vpn << Frame.SHIFT) : null;
    }

    void codeCached(Page page) {
        pagesWithCode.add(page);
    }

    /** Forgets every decoded instruction of this address space (fence.i). */
    public void invalidateAllCode() {
        for (Page page : pagesWithCode) {
            page.invalidateAllCode();
        }
    }

    // ---- the debugger's view: no permission checks, no watchpoints ----

    /** Reads up to length bytes at vaddr; returns how many were readable before the first unmapped page. */
    public int read(long vaddr, byte[] destination, int offset, int length) {
        return transfer(vaddr, length, (frame, inPage, done, chunk) -> frame.read(inPage, destination, offset + done, chunk));
    }

    /** Writes up to length bytes at vaddr; returns how many were written before the first unmapped page. */
    public int write(long vaddr, byte[] source, int offset, int length) {
        return transfer(vaddr, length, (frame, inPage, done, chunk) -> frame.write(inPage, source, offset + done, chunk));
    }

    /** Copies one page's part of a debugger transfer. */
    private interface Chunk {
        void copy(Frame frame, int inPage, int done, int length);
    }

    private int transfer(long vaddr, int length, Chunk chunk) {
        int done = 0;
        while (done < length) {
            Page page = page(vaddr + done);
            if (page == null) {
                break;
            }
            int inPage = (int) ((vaddr + done) & (Frame.SIZE - 1));
            int size = Math.min(length - done, Frame.SIZE - inPage);
            chunk.copy(page.frame(), inPage, done, size);
            done += size;
        }
        return done;
    }

    // ---- debug hooks ----

    /** The software breakpoints set in this address space. */
    public Breakpoints breakpoints() {
        return breakpoints;
    }

    /** Sets a breakpoint at vaddr; the instruction there is decoded again, hooked. */
    public boolean addBreakpoint(long vaddr) {
        boolean added = breakpoints.add(vaddr);
        redecodeAt(vaddr);
        return added;
    }

    /** Removes the breakpoint at vaddr, if any. */
    public boolean removeBreakpoint(long vaddr) {
        boolean removed = breakpoints.remove(vaddr);
        redecodeAt(vaddr);
        return removed;
    }

    private void redecodeAt(long vaddr) {
        Page page = page(vaddr);
        if (page != null) {
            page.invalidateCode((int) (vaddr & (Frame.SIZE - 1)), 2);
        }
    }

    /** The watchpoints set in this address space. */
    public List<Watchpoint> watchpoints() {
        return List.copyOf(watchpoints);
    }

    /** Adds a watchpoint: the pages it covers leave the TLB so their accesses are checked. */
    public void addWatchpoint(Watchpoint watchpoint) {
        watchpoints.add(watchpoint);
        refreshWatchedPages(watchpoint);
    }

    /** Removes a watchpoint (by equality); returns false if it was not set. */
    public boolean removeWatchpoint(Watchpoint watchpoint) {
        boolean removed = watchpoints.remove(watchpoint);
        if (removed) {
            refreshWatchedPages(watchpoint);
        }
        return removed;
    }

    /** The first watchpoint that catches an access of this kind and size at vaddr, or null. */
    public Watchpoint watchpointAt(long vaddr, int size, WatchKind access) {
        for (Watchpoint watchpoint : watchpoints) {
            if (watchpoint.overlaps(vaddr, size) && watchpoint.kind().catches(access)) {
                return watchpoint;
            }
        }
        return null;
    }

    private void refreshWatchedPages(Watchpoint changed) {
        // Only user pages can be mapped, so a range reaching past user space stops there.
        if (!isUserAddress(changed.address())) {
            return;
        }
        long first = changed.address() >>> Frame.SHIFT;
        long last = Math.min(changed.lastAddress(), USER_LIMIT - 1) >>> Frame.SHIFT;
        if (changed.lastAddress() < 0) {
            last = (USER_LIMIT - 1) >>> Frame.SHIFT;
        }
        for (long vpn = first; vpn <= last; vpn++) {
            Page page = pageByNumber(vpn);
            if (page != null) {
                long pageVpn = vpn;
                page.setWatched(watchpoints.stream().anyMatch(w -> overlapsPage(w, pageVpn)));
            }
            tlb.invalidate(vpn);
        }
    }

    private static boolean overlapsPage(Watchpoint watchpoint, long vpn) {
        return watchpoint.overlaps(vpn << Frame.SHIFT, Frame.SIZE);
    }
}
