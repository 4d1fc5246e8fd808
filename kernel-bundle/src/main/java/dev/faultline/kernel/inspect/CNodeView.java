package dev.faultline.kernel.inspect;

import java.util.List;

/** A CNode: its 2^radix slots, of which only the filled ones are listed, in slot order. */
public record CNodeView(long id, int radix, List<CapView> caps) {

    public CNodeView {
        caps = List.copyOf(caps);
    }
}
