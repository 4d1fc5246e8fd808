package dev.faultline.kernel.interrupt;

import dev.faultline.kernel.api.InvocationLabel;
import dev.faultline.kernel.api.SyscallError;
import dev.faultline.kernel.cspace.CSpace;
import dev.faultline.kernel.cspace.CSpace.CNodeOperand;
import dev.faultline.kernel.object.Capability;
import dev.faultline.kernel.object.Capability.IrqHandlerCap;
import dev.faultline.kernel.object.Capability.NotificationCap;
import dev.faultline.kernel.object.Cdt;
import dev.faultline.kernel.object.Cte;
import dev.faultline.kernel.object.invocation.Invocation;
import dev.faultline.kernel.object.invocation.InvocationRequest;
import dev.faultline.kernel.object.invocation.KernelServices;

/**
 * IRQControl_Get / GetTrigger and IRQHandler_Ack, SetNotification and Clear (seL4
 * src/object/interrupt.c and the riscv arch decoder), with seL4's labels and errors.
 */
public final class IrqInvocations {

    private IrqInvocations() {
    }

    /** IRQControl: issues a handler cap for an inactive line into an empty slot. */
    public static Invocation decodeControl(InvocationRequest request, InterruptController controller) throws SyscallError {
        boolean trigger = request.label() == InvocationLabel.RISCV_IRQ_ISSUE_IRQ_HANDLER_TRIGGER.number();
        if (request.label() != InvocationLabel.IRQ_ISSUE_IRQ_HANDLER.number() && !trigger) {
            throw SyscallError.illegalOperation("IRQ control only issues handlers, not label " + request.label());
        }
        int words = trigger ? 4 : 3;
        if (request.length() < words || request.extraCaps().isEmpty()) {
            throw SyscallError.truncatedMessage("IRQControl_Get needs " + words + " words and the destination root");
        }
        long irq = request.mr(0);
        long index = request.mr(trigger ? 2 : 1);
        long depth = request.mr(trigger ? 3 : 2);
        if (irq > Interrupts.MAX_IRQ || irq < 1) {
            throw SyscallError.rangeError(1, Interrupts.MAX_IRQ, "interrupt " + irq + " does not exist");
        }
        if (controller.state((int) irq) != IrqState.INACTIVE) {
            throw SyscallError.revokeFirst("interrupt " + irq + " already has a handler");
        }
        Cte destination = CSpace.lookupSlotForCNodeOp(CNodeOperand.DESTINATION, request.extraCap(0), index, depth);
        if (!destination.isEmpty()) {
            throw SyscallError.deleteFirst(destination + " holds " + destination.cap());
        }
        return () -> {
            controller.setState((int) irq, IrqState.SIGNAL);
            Cdt.insert(new IrqHandlerCap((int) irq), request.slot(), destination);
            return Invocation.NO_REPLY;
        };
    }

    /** IRQHandler: acknowledge (unmask), set or clear the notification the line signals. */
    public static Invocation decodeHandler(InvocationRequest request, IrqHandlerCap cap, InterruptController controller,
            KernelServices services) throws SyscallError {
        int irq = cap.irq();
        InvocationLabel label = InvocationLabel.fromNumber(request.label());
        if (label == InvocationLabel.IRQ_ACK_IRQ) {
            return () -> {
                controller.unmask(irq);
                return Invocation.NO_REPLY;
            };
        }
        if (label == InvocationLabel.IRQ_SET_IRQ_HANDLER) {
            if (request.extraCaps().isEmpty()) {
                throw SyscallError.truncatedMessage("SetNotification needs the notification cap");
            }
            Capability ntfn = request.extraCap(0);
            if (!(ntfn instanceof NotificationCap notification) || !notification.rights().write()) {
                throw SyscallError.invalidCapability(1, "not a notification cap that can signal: " + ntfn);
            }
            Cte source = request.extraSlot(0);
            return () -> {
                Cte slot = controller.handlerSlot(irq);
                Cdt.delete(slot, services.context().finaliser());
                Cdt.insert(ntfn, source, slot);
                return Invocation.NO_REPLY;
            };
        }
        if (label == InvocationLabel.IRQ_CLEAR_IRQ_HANDLER) {
            return () -> {
                Cdt.delete(controller.handlerSlot(irq), services.context().finaliser());
                return Invocation.NO_REPLY;
            };
        }
        throw SyscallError.illegalOperation("an IRQ handler takes Ack, SetNotification or Clear, not label " + request.label());
    }
}
