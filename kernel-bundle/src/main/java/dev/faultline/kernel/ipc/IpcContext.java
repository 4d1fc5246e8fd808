package dev.faultline.kernel.ipc;

import java.util.function.LongSupplier;

import dev.faultline.kernel.journal.Journal;
import dev.faultline.kernel.journal.KernelEvent;
import dev.faultline.kernel.object.Cdt;
import dev.faultline.kernel.object.Tcb;
import dev.faultline.kernel.object.ThreadState;
import dev.faultline.kernel.schedule.Scheduler;

/** What IPC needs of the rest of the kernel: the scheduler, the journal and its clock, and cap deletion. */
public record IpcContext(Scheduler scheduler, Journal journal, LongSupplier clock, Cdt.Finaliser finaliser) {

    /** seL4 setThreadState, journalled. */
    public void setState(Tcb tcb, ThreadState state) {
        ThreadState from = tcb.state();
        scheduler.setState(tcb, state);
        if (from != state && journal.isOn()) {
            journal.record(new KernelEvent.ThreadStateChanged(clock.getAsLong(), tcb.id(), tcb.name(), from, state));
        }
    }

    public void record(KernelEvent event) {
        journal.record(event);
    }

    public boolean journalling() {
        return journal.isOn();
    }

    public long now() {
        return clock.getAsLong();
    }
}
