package dev.faultline.kernel.ipc;

import java.util.ArrayList;
import java.util.List;

import dev.faultline.kernel.api.Fault;
import dev.faultline.kernel.api.MessageInfo;
import dev.faultline.kernel.api.SyscallError;
import dev.faultline.kernel.cspace.CSpace;
import dev.faultline.kernel.cspace.LookupException;
import dev.faultline.kernel.object.Capability;
import dev.faultline.kernel.object.Capability.EndpointCap;
import dev.faultline.kernel.object.Cdt;
import dev.faultline.kernel.object.Cte;
import dev.faultline.kernel.object.Endpoint;
import dev.faultline.kernel.object.Tcb;

/**
 * Moving a message from one thread to another (seL4 doIPCTransfer and friends in
 * src/kernel/thread.c): message registers register to register and buffer to buffer, at most
 * one cap moved into the receiver's receive slot, caps to the crossing endpoint unwrapped to
 * their badges; or, for a faulted sender, its fault message.
 */
public final class MessageTransfer {

    private MessageTransfer() {
    }

    /** An extra-cap CPtr that did not resolve: the sender takes a cap fault at it. */
    public static final class ExtraCapFault extends Exception {
        private static final long serialVersionUID = 1L;
        private final long cptr;
        private final transient LookupException cause;

        ExtraCapFault(long cptr, LookupException cause) {
            super("extra cap 0x" + Long.toHexString(cptr) + ": " + cause.getMessage(), null, false, false);
            this.cptr = cptr;
            this.cause = cause;
        }

        public long cptr() {
            return cptr;
        }

        public LookupException lookup() {
            return cause;
        }
    }

    /** seL4 lookupExtraCaps: the slots of the caps a message names in caps_or_badges. */
    public static List<Cte> lookupExtraCaps(Tcb thread, IpcBuffer buffer, MessageInfo info) throws ExtraCapFault {
        List<Cte> slots = new ArrayList<>(info.extraCaps());
        if (buffer == null) {
            return slots;
        }
        for (int i = 0; i < info.extraCaps(); i++) {
            long cptr = buffer.word(IpcBuffer.CAPS_OR_BADGES + i);
            try {
                slots.add(CSpace.lookupSlot(thread, cptr));
            } catch (LookupException e) {
                throw new ExtraCapFault(cptr, e);
            }
        }
        return slots;
    }

    /**
     * seL4 doIPCTransfer: a normal message, or the sender's fault message; the receiver gets the
     * badge in a0 and the message info in a1. Answers the info the receiver saw.
     */
    public static MessageInfo transfer(Tcb sender, Endpoint endpoint, long badge, boolean canGrant, Tcb receiver) {
        IpcBuffer receiveBuffer = IpcBuffer.of(receiver, IpcBuffer.Use.RECEIVE);
        MessageInfo info = sender.fault() == null
                ? normal(sender, endpoint, canGrant, receiver, receiveBuffer)
                : fault(sender.fault(), receiver, receiveBuffer);
        receiver.registers().set(MessageRegisters.INFO, info.toWord());
        receiver.registers().set(MessageRegisters.BADGE, badge);
        return info;
    }

    private static MessageInfo normal(Tcb sender, Endpoint endpoint, boolean canGrant, Tcb receiver, IpcBuffer receiveBuffer) {
        IpcBuffer sendBuffer = IpcBuffer.of(sender, IpcBuffer.Use.SEND);
        MessageInfo tag = MessageInfo.fromWord(sender.registers().get(MessageRegisters.INFO));
        List<Cte> caps = List.of();
        if (canGrant) {
            try {
                caps = lookupExtraCaps(sender, sendBuffer, tag);
            } catch (ExtraCapFault e) {
                // The lookup is repeated at transfer time: a failure now drops the caps, not the data.
                caps = List.of();
            }
        }
        int transferred = copyRegisters(sender, sendBuffer, receiver, receiveBuffer, tag.length());
        MessageInfo afterCaps = transferCaps(caps, endpoint, receiver, receiveBuffer);
        return new MessageInfo(tag.label(), afterCaps.capsUnwrapped(), afterCaps.extraCaps(), transferred);
    }

    /** seL4 copyMRs: registers always, buffer words only when both threads have buffers. */
    private static int copyRegisters(Tcb sender, IpcBuffer sendBuffer, Tcb receiver, IpcBuffer receiveBuffer, int length) {
        int i = 0;
        for (; i < Math.min(length, MessageRegisters.IN_REGISTERS); i++) {
            MessageRegisters.set(receiver, receiveBuffer, i, MessageRegisters.get(sender, sendBuffer, i));
        }
        if (sendBuffer != null && receiveBuffer != null) {
            for (; i < length; i++) {
                receiveBuffer.setWord(IpcBuffer.MSG + i, sendBuffer.word(IpcBuffer.MSG + i));
            }
        }
        return i;
    }

    /**
     * seL4 transferCaps: caps to the crossing endpoint are unwrapped to their badges; one other
     * cap at most is derived into the receive slot; the first that cannot go ends the transfer.
     */
    private static MessageInfo transferCaps(List<Cte> caps, Endpoint endpoint, Tcb receiver, IpcBuffer receiveBuffer) {
        if (caps.isEmpty() || receiveBuffer == null) {
            return MessageInfo.EMPTY;
        }
        Cte destination = receiveSlot(receiver, receiveBuffer);
        int unwrapped = 0;
        int i = 0;
        for (; i < caps.size(); i++) {
            Cte slot = caps.get(i);
            Capability cap = slot.cap();
            if (cap instanceof EndpointCap ep && ep.endpoint() == endpoint && endpoint != null) {
                receiveBuffer.setWord(IpcBuffer.CAPS_OR_BADGES + i, ep.badge());
                unwrapped |= 1 << i;
                continue;
            }
            if (destination == null) {
                break;
            }
            Capability derived;
            try {
                derived = Cdt.derive(slot, cap);
            } catch (SyscallError e) {
                break;
            }
            if (derived.isNull()) {
                break;
            }
            Cdt.insert(derived, slot, destination);
            destination = null;
        }
        return new MessageInfo(0, unwrapped, i, 0);
    }

    /** seL4 getReceiveSlots: the empty slot the receiver's buffer names, or null. */
    private static Cte receiveSlot(Tcb receiver, IpcBuffer buffer) {
        try {
            Capability root = CSpace.lookupCap(receiver, buffer.word(IpcBuffer.RECEIVE_CNODE));
            Cte slot = CSpace.lookupSlotForCNodeOp(CSpace.CNodeOperand.DESTINATION, root,
                    buffer.word(IpcBuffer.RECEIVE_INDEX), buffer.word(IpcBuffer.RECEIVE_DEPTH));
            return slot.isEmpty() ? slot : null;
        } catch (LookupException | SyscallError e) {
            return null;
        }
    }

    /** seL4 doFaultTransfer: the fault's words as MRs (only four without a buffer), its tag as label. */
    private static MessageInfo fault(Fault fault, Tcb receiver, IpcBuffer receiveBuffer) {
        int sent = MessageRegisters.setAll(receiver, receiveBuffer, fault.message());
        return MessageInfo.of(fault.label(), sent);
    }
}
