package dev.faultline.emulator.memory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A 4 KiB physical page frame. Its bytes are allocated on first touch, so a machine pays for the
 * pages a guest uses, not for the memory it declares. A frame may be mapped into several address
 * spaces; writes through any path invalidate instructions decoded from it.
 */
public final class Frame {

    public static final int SHIFT = 12;
    public static final int SIZE = 1 << SHIFT;

    private byte[] bytes;
    private final boolean backed;
    private final List<Page> mappings = new ArrayList<>(1);
    private int pagesWithCode;

    /** A frame of ordinary memory. */
    public Frame() {
        this(true);
    }

    private Frame(boolean backed) {
        this.backed = backed;
    }

    /**
     * A frame with no memory behind it, like a device region where nothing answers: the hart's
     * accesses to it raise access faults rather than page faults, and the debugger reads zeros.
     */
    public static Frame unbacked() {
        return new Frame(false);
    }

    /** Whether memory answers accesses to this frame. */
    public boolean isBacked() {
        return backed;
    }

    /** The frame's bytes, allocated (zeroed) on first touch; an unbacked frame has none. */
    public byte[] bytes() {
        if (!backed) {
            throw new IllegalStateException("an unbacked frame has no bytes");
        }
        byte[] b = bytes;
        if (b == null) {
            b = new byte[SIZE];
            bytes = b;
        }
        return b;
    }

    /** Whether anything has read or written this frame yet. */
    public boolean isTouched() {
        return bytes != null;
    }

    /** Copies bytes out of the frame; an untouched frame reads as zeros without being allocated. */
    public void read(int offset, byte[] destination, int destinationOffset, int length) {
        checkRange(offset, length);
        if (bytes == null) {
            Arrays.fill(destination, destinationOffset, destinationOffset + length, (byte) 0);
        } else {
            System.arraycopy(bytes, offset, destination, destinationOffset, length);
        }
    }

    /** Copies bytes into the frame, invalidating any instructions decoded from those bytes. */
    public void write(int offset, byte[] source, int sourceOffset, int length) {
        checkRange(offset, length);
        if (!backed) {
            return;
        }
        System.arraycopy(source, sourceOffset, bytes(), offset, length);
        invalidateCode(offset, length);
    }

    /** Fills the whole frame with zeros (as seL4 does when it hands out a new frame). */
    public void clear() {
        if (bytes != null) {
            Arrays.fill(bytes, (byte) 0);
            invalidateCode(0, SIZE);
        }
    }

    /** The pages that map this frame, in every address space. */
    public List<Page> mappings() {
        return List.copyOf(mappings);
    }

    void addMapping(Page page) {
        mappings.add(page);
    }

    void removeMapping(Page page) {
        mappings.remove(page);
        if (page.hasCode()) {
            pagesWithCode--;
        }
    }

    /** Whether instructions decoded from this frame are cached anywhere: then writes must invalidate them. */
    public boolean holdsCode() {
        return pagesWithCode > 0;
    }

    /** A page mapping this frame started caching decoded instructions: writes must now take the slow path. */
    void codeCached(Page page) {
        pagesWithCode++;
        for (Page mapping : mappings) {
            mapping.space().tlb().invalidateWrite(mapping.vpn());
        }
    }

    /** Forgets decoded instructions that overlap [offset, offset + length) in every mapping. */
    public void invalidateCode(int offset, int length) {
        if (pagesWithCode == 0) {
            return;
        }
        for (Page mapping : mappings) {
            mapping.invalidateCode(offset, length);
        }
    }

    private static void checkRange(int offset, int length) {
        if (offset < 0 || length < 0 || offset + length > SIZE) {
            throw new IndexOutOfBoundsException("frame range " + offset + "+" + length + " is outside 0.." + SIZE);
        }
    }
}
