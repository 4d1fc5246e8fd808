package dev.faultline.kernel.arch.riscv64;

import dev.faultline.kernel.journal.KernelEvent;
import dev.faultline.kernel.object.Capability;
import dev.faultline.kernel.object.Cte;
import dev.faultline.kernel.object.invocation.InvocationRequest;
import dev.faultline.kernel.object.invocation.KernelServices;

/** How the VSpace invocations show in the kernel journal: as operations on the cap that records the change. */
final class VSpaceJournal {

    private VSpaceJournal() {
    }

    /** Records that operation (for example "map page") left cap in slot. */
    static void record(KernelServices services, InvocationRequest request, String operation, Cte slot, Capability cap) {
        if (services.context().journalling()) {
            services.context().record(new KernelEvent.CapOperation(services.context().now(), request.caller().id(),
                    operation, slot.toString(), "", String.valueOf(cap)));
        }
    }
}
