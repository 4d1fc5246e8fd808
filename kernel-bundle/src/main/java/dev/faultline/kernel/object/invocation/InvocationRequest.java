package dev.faultline.kernel.object.invocation;

import java.util.List;

import dev.faultline.kernel.api.MessageInfo;
import dev.faultline.kernel.ipc.IpcBuffer;
import dev.faultline.kernel.ipc.MessageRegisters;
import dev.faultline.kernel.object.Capability;
import dev.faultline.kernel.object.Cte;
import dev.faultline.kernel.object.Tcb;

/**
 * A kernel-object invocation as a decoder sees it: the caller, the invoked cap and its slot,
 * the message info, the message registers (read on demand from registers and buffer) and the
 * slots of the extra caps, looked up when the system call began.
 */
public record InvocationRequest(Tcb caller, Cte slot, Capability cap, MessageInfo info, IpcBuffer buffer,
        List<Cte> extraCaps) {

    /** The invocation label. */
    public long label() {
        return info.label();
    }

    /** The message length: how many MRs the caller sent (already cut to 4 without a buffer). */
    public int length() {
        return info.length();
    }

    /** MR i. Decoders check the length before reading. */
    public long mr(int i) {
        return MessageRegisters.get(caller, buffer, i);
    }

    /** Extra cap i's cap, or null if the caller sent fewer. */
    public Capability extraCap(int i) {
        return i < extraCaps.size() ? extraCaps.get(i).cap() : null;
    }

    public Cte extraSlot(int i) {
        return extraCaps.get(i);
    }
}
