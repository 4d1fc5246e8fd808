package dev.faultline.kernel.inspect;

import java.util.List;

/** A VSpace: a root page table, the ASID it was given (0: none), and its mappings in address order. */
public record VSpaceView(long rootId, long asid, List<MappingView> mappings) {

    public VSpaceView {
        mappings = List.copyOf(mappings);
    }
}
