package dev.faultline.emulator.memory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One 4 KiB virtual page of an address space: the frame behind it, its permissions, and the
 * instructions the hart has decoded from it (one slot per 2-byte parcel, since compressed
 * instructions may start at any even address).
 */
public final class Page {

    /** Decoded-instruction slots per page. */
    public static final int SLOTS = Frame.SIZE / 2;

    private final AddressSpace space;
    private final long vpn;
    private final Frame frame;
    private final Permissions permissions;
    private long[] code;
    private long[] hookOriginals;
    private Object[] translations;
    private final List<int[]> translatedRanges = new ArrayList<>(0);
    private boolean watched;

    Page(AddressSpace space, long vpn, Frame frame, Permissions permissions) {
        this.space = space;
        this.vpn = vpn;
        this.frame = frame;
        this.permissions = permissions;
    }

    public AddressSpace space() {
        return space;
    }

    /** The virtual page number (address >>> 12). */
    public long vpn() {
        return vpn;
    }

    public long address() {
        return vpn << Frame.SHIFT;
    }

    public Frame frame() {
        return frame;
    }

    public Permissions permissions() {
        return permissions;
    }

    /**
     * The decoded-instruction slots, in the hart's own encoding (0 = not decoded yet). Created on
     * first use; the array stays the same for the page's life, so a hart may hold on to it.
     */
    public long[] code() {
        long[] c = code;
        if (c == null) {
            c = new long[SLOTS];
            code = c;
            frame.codeCached(this);
            space.codeCached(this);
        }
        return c;
    }

    boolean hasCode() {
        return code != null;
    }

    /** What a hooked slot (a breakpoint) holds in place of its decoded instruction. */
    public long[] hookOriginals() {
        long[] h = hookOriginals;
        if (h == null) {
            h = new long[SLOTS];
            hookOriginals = h;
        }
        return h;
    }

    /**
     * Code translated from this page's bytes [slot * 2, endOffset), entered at slot; an opaque
     * object to the memory, which only drops it when those bytes change.
     */
    public void addTranslation(int slot, int endOffset, Object translation) {
        if (translations == null) {
            translations = new Object[SLOTS];
        }
        translations[slot] = translation;
        translatedRanges.add(new int[] {slot, endOffset});
    }

    /** The translation entered at slot, or null. */
    public Object translation(int slot) {
        return translations == null ? null : translations[slot];
    }

    /** How many translations the page holds. */
    public int translationCount() {
        return translatedRanges.size();
    }

    /** Forgets decoded instructions overlapping [offset, offset + length): a 4-byte one may start 2 bytes before. */
    void invalidateCode(int offset, int length) {
        if (code == null || length <= 0) {
            return;
        }
        int from = Math.max(0, (offset - 2) >> 1);
        int to = Math.min(SLOTS - 1, (offset + length - 1) >> 1);
        Arrays.fill(code, from, to + 1, 0L);
        // A translation reading any of those bytes goes too, and its entry slot decodes afresh.
        translatedRanges.removeIf(range -> {
            boolean overlaps = range[0] * 2 < offset + length && offset < range[1];
            if (overlaps) {
                translations[range[0]] = null;
                code[range[0]] = 0L;
            }
            return overlaps;
        });
    }

    /** Forgets every decoded and translated instruction of the page (fence.i). */
    public void invalidateAllCode() {
        if (code != null) {
            Arrays.fill(code, 0L);
        }
        if (translations != null) {
            Arrays.fill(translations, null);
        }
        translatedRanges.clear();
    }

    /** Whether a watchpoint covers part of this page: then its loads and stores take the slow path. */
    public boolean isWatched() {
        return watched;
    }

    void setWatched(boolean watched) {
        this.watched = watched;
    }

    @Override
    public String toString() {
        return String.format("page 0x%x %s", address(), permissions);
    }
}
