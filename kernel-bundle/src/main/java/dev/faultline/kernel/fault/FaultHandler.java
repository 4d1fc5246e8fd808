package dev.faultline.kernel.fault;

import java.util.function.Consumer;

import dev.faultline.emulator.memory.AddressSpace;
import dev.faultline.kernel.api.Fault;
import dev.faultline.kernel.api.LookupFailure;
import dev.faultline.kernel.cspace.CSpace;
import dev.faultline.kernel.cspace.LookupException;
import dev.faultline.kernel.ipc.Ipc;
import dev.faultline.kernel.ipc.IpcContext;
import dev.faultline.kernel.journal.KernelEvent;
import dev.faultline.kernel.journal.Trapframe;
import dev.faultline.kernel.object.Capability;
import dev.faultline.kernel.object.Capability.EndpointCap;
import dev.faultline.kernel.object.Capability.PageTableCap;
import dev.faultline.kernel.object.Tcb;
import dev.faultline.kernel.object.TcbSlot;
import dev.faultline.kernel.object.ThreadState;

/**
 * seL4 handleFault (src/kernel/faulthandler.c; SEL4/Kernel/FaultHandler): a fault goes as a Call
 * to the endpoint the thread's fault-handler CPtr names in its own CSpace; without a valid
 * handler the kernel reports a double fault and the thread becomes inactive.
 */
public final class FaultHandler {

    private static final int STACK_WORDS = 16;

    private final IpcContext context;
    private final Ipc ipc;
    private final Consumer<String> report;

    public FaultHandler(IpcContext context, Ipc ipc, Consumer<String> report) {
        this.context = context;
        this.ipc = ipc;
        this.report = report;
    }

    public void handleFault(Tcb thread, Fault fault) {
        thread.setFault(fault);
        if (context.journalling()) {
            context.record(new KernelEvent.FaultRaised(context.now(), thread.id(), thread.name(), fault,
                    Trapframe.of(thread.registers(), thread.faultIp())));
        }
        long handlerCPtr = thread.faultHandler();
        Capability handler;
        try {
            handler = CSpace.lookupCap(thread, handlerCPtr);
        } catch (LookupException e) {
            doubleFault(thread, fault, new Fault.CapFault(thread.faultIp(), handlerCPtr, false, e.failure()));
            return;
        }
        if (handler instanceof EndpointCap ep && ep.rights().write() && (ep.rights().grant() || ep.rights().grantReply())) {
            ipc.send(thread, ep.endpoint(), new Ipc.Send(true, true, ep.badge(), ep.rights().grant(), true));
            return;
        }
        doubleFault(thread, fault, new Fault.CapFault(thread.faultIp(), handlerCPtr, false,
                new LookupFailure.MissingCapability(0)));
    }

    /** seL4 handleDoubleFault: both faults, the thread, its pc and a few stack words; the thread stops. */
    private void doubleFault(Tcb thread, Fault first, Fault second) {
        StringBuilder text = new StringBuilder();
        text.append("Caught ").append(second.describe()).append('\n');
        text.append("while trying to handle:\n");
        text.append(first.describe()).append('\n');
        text.append(String.format("in thread 0x%x \"%s\" at address 0x%x%n", thread.id(), thread.name(), thread.faultIp()));
        text.append("With stack:\n");
        long sp = thread.registers().get(2);
        AddressSpace space = addressSpace(thread);
        byte[] word = new byte[8];
        for (int i = 0; i < STACK_WORDS; i++) {
            long address = sp + 8L * i;
            if (space == null || space.read(address, word, 0, 8) < 8) {
                break;
            }
            long value = 0;
            for (int b = 7; b >= 0; b--) {
                value = value << 8 | (word[b] & 0xff);
            }
            text.append(String.format("0x%x: 0x%x%n", address, value));
        }
        report.accept(text.toString());
        if (context.journalling()) {
            context.record(new KernelEvent.DoubleFault(context.now(), thread.id(), thread.name(), first, second,
                    text.toString()));
        }
        context.setState(thread, ThreadState.INACTIVE);
    }

    private static AddressSpace addressSpace(Tcb thread) {
        return thread.slot(TcbSlot.VSPACE_ROOT).cap() instanceof PageTableCap root ? root.table().addressSpace() : null;
    }
}
