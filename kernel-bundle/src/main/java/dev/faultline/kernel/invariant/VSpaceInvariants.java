package dev.faultline.kernel.invariant;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.faultline.emulator.memory.Access;
import dev.faultline.kernel.arch.riscv64.AsidTable;
import dev.faultline.kernel.arch.riscv64.VSpace;
import dev.faultline.kernel.object.Capability.FrameCap;
import dev.faultline.kernel.object.Cte;
import dev.faultline.kernel.object.ObjectSpace;
import dev.faultline.kernel.object.PageTable;

/**
 * Mappings agree with the frame caps that made them (seL4's valid_vspace_objs and the rights
 * check of decodeRISCVFrameInvocation): where a frame cap records a mapping in a live VSpace, the
 * page there is that frame, and never writable when the cap lacks write. Boot and loader mappings
 * have no cap; they are not checked.
 */
final class VSpaceInvariants {

    private final ObjectSpace objects;
    private final AsidTable asids;
    private final List<Cte> slots;
    private final Findings findings;

    VSpaceInvariants(ObjectSpace objects, AsidTable asids, List<Cte> slots, Findings findings) {
        this.objects = objects;
        this.asids = asids;
        this.slots = slots;
        this.findings = findings;
    }

    private record Place(long asid, long vaddr) {
    }

    void check() {
        Map<Place, Cte> mappedCaps = new HashMap<>();
        for (Cte slot : slots) {
            if (slot.cap() instanceof FrameCap f && f.isMapped()) {
                mappedCaps.put(new Place(f.mappedAsid(), f.mappedAddress()), slot);
            }
        }
        if (mappedCaps.isEmpty()) {
            return;
        }
        for (PageTable root : objects.all(PageTable.class)) {
            if (root.asid() == 0 || asids.root(root.asid()) != root) {
                continue;
            }
            VSpace.walkLeaves(root, 0, 0, (vaddr, mapping) -> {
                Cte slot = mappedCaps.get(new Place(root.asid(), vaddr << 25 >> 25));
                if (slot == null) {
                    return;
                }
                FrameCap cap = (FrameCap) slot.cap();
                if (cap.frame() != mapping.frame()) {
                    findings.add("mappings match frame caps", slot, String.format("records a mapping of %s at 0x%x in"
                            + " asid %d, where %s is mapped", cap.frame().label(), vaddr, root.asid(),
                            mapping.frame().label()));
                } else if (mapping.permissions().allows(Access.WRITE) && !cap.rights().write()) {
                    findings.add("mapping rights within cap rights", slot, String.format("%s is mapped writable at 0x%x"
                            + " in asid %d, but its cap has rights %s", cap.frame().label(), vaddr, root.asid(),
                            cap.rights()));
                }
            });
        }
    }
}
