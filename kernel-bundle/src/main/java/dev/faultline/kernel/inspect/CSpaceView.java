package dev.faultline.kernel.inspect;

import java.util.List;

/** A thread's CSpace: its root cap and every filled slot reachable through the CNode tree from it. */
public record CSpaceView(long threadId, CapView root, List<CSpaceEntry> entries) {

    public CSpaceView {
        entries = List.copyOf(entries);
    }
}
