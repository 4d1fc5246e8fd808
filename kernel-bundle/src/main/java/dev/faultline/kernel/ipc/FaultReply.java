package dev.faultline.kernel.ipc;

import java.util.Map;

import dev.faultline.emulator.hart.Registers;
import dev.faultline.kernel.api.Fault;
import dev.faultline.kernel.api.MessageInfo;
import dev.faultline.kernel.object.Tcb;

/**
 * seL4 handleFaultReply (src/api/faults.c; SEL4.API.Faults): what a handler's reply does to the
 * thread it answers. Cap and VM faults always restart; unknown-syscall and user-exception
 * replies write back registers and restart only with label 0.
 */
final class FaultReply {

    /** Registers an unknown-syscall reply writes, in MR order: FaultIP, sp, ra, a0..a6. */
    private static final int[] SYSCALL_REGISTERS = {-1, 2, 1, 10, 11, 12, 13, 14, 15, 16};
    /** Registers a user-exception reply writes: FaultIP, sp. */
    private static final int[] EXCEPTION_REGISTERS = {-1, 2};

    private FaultReply() {
    }

    /**
     * Applies the replier's message to the faulted receiver, noting each register written (by
     * ABI name, pc for FaultIP) in written; answers whether the receiver restarts.
     */
    static boolean apply(Tcb receiver, Tcb replier, Map<String, Long> written) {
        MessageInfo tag = MessageInfo.fromWord(replier.registers().get(MessageRegisters.INFO));
        return switch (receiver.fault()) {
            case Fault.CapFault c -> true;
            case Fault.VmFault v -> true;
            case Fault.UnknownSyscall u -> writeBack(receiver, replier, tag, SYSCALL_REGISTERS, written);
            case Fault.UserException e -> writeBack(receiver, replier, tag, EXCEPTION_REGISTERS, written);
        };
    }

    private static boolean writeBack(Tcb receiver, Tcb replier, MessageInfo tag, int[] registers, Map<String, Long> written) {
        IpcBuffer buffer = IpcBuffer.of(replier, IpcBuffer.Use.SEND);
        // Without a buffer only the words in registers arrive (copyMRsFaultReply).
        int n = Math.min(tag.length(), buffer == null ? MessageRegisters.IN_REGISTERS : registers.length);
        n = Math.min(n, registers.length);
        for (int i = 0; i < n; i++) {
            long value = MessageRegisters.get(replier, buffer, i);
            if (registers[i] < 0) {
                receiver.setFaultIp(value);
                written.put("pc", value);
            } else {
                receiver.registers().set(registers[i], value);
                written.put(Registers.ABI_NAMES.get(registers[i]), value);
            }
        }
        return tag.label() == 0;
    }
}
