package dev.faultline.kernel.invariant;

import java.util.ArrayList;
import java.util.List;

import dev.faultline.kernel.Kernel;
import dev.faultline.kernel.interrupt.InterruptController;
import dev.faultline.kernel.interrupt.Interrupts;
import dev.faultline.kernel.object.CNode;
import dev.faultline.kernel.object.Cte;
import dev.faultline.kernel.object.ObjectSpace;
import dev.faultline.kernel.object.Tcb;
import dev.faultline.kernel.object.TcbSlot;

/**
 * Checks the kernel's state against invariants in the spirit of seL4's proofs (the abstract
 * invariants of l4v's Invariants_AI and the scheduler's valid_sched): thread queues, thread states,
 * the derivation tree, untyped watermarks and mapping rights. They hold at every kernel exit;
 * {@link #checkAfterEveryEntry} makes a kernel check them there.
 */
public final class InvariantChecker {

    private final Kernel kernel;

    public InvariantChecker(Kernel kernel) {
        this.kernel = kernel;
    }

    /** Every violation of the kernel's state now, in the order found; empty when all invariants hold. */
    public List<Violation> check() {
        ObjectSpace objects = kernel.objects();
        List<Tcb> threads = objects.all(Tcb.class);
        List<Cte> slots = slots(objects, threads, kernel.interrupts());
        Findings findings = new Findings();
        new QueueInvariants(objects, kernel.scheduler(), threads, findings).check();
        new CdtInvariants(objects, slots, findings).check();
        new VSpaceInvariants(objects, kernel.asids(), slots, findings).check();
        return findings.list();
    }

    /** Throws {@link InvariantViolation} listing every violation, if there is any. */
    public void assertHolds(String when) {
        List<Violation> violations = check();
        if (!violations.isEmpty()) {
            throw new InvariantViolation(when, violations);
        }
    }

    /**
     * Makes kernel check every invariant at each kernel exit; the first broken one stops the run
     * with an {@link InvariantViolation} naming the kernel entry. Answers the checker.
     */
    public static InvariantChecker checkAfterEveryEntry(Kernel kernel) {
        InvariantChecker checker = new InvariantChecker(kernel);
        kernel.addEntryListener(() -> checker.assertHolds("after kernel entry " + kernel.kernelEntries()));
        return checker;
    }

    /** The slots of the live CNodes that were ever used, the live TCBs' own slots, and the IRQ node's. */
    private static List<Cte> slots(ObjectSpace objects, List<Tcb> threads, InterruptController interrupts) {
        List<Cte> slots = new ArrayList<>();
        for (CNode cnode : objects.all(CNode.class)) {
            slots.addAll(cnode.usedSlots());
        }
        for (Tcb thread : threads) {
            for (TcbSlot which : TcbSlot.values()) {
                slots.add(thread.slot(which));
            }
        }
        for (int irq = 0; irq <= Interrupts.MAX_IRQ; irq++) {
            slots.add(interrupts.handlerSlot(irq));
        }
        return slots;
    }
}
