package dev.faultline.kernel;

import java.util.Map;

import dev.faultline.emulator.hart.Registers;
import dev.faultline.kernel.api.MessageInfo;
import dev.faultline.kernel.invariant.InvariantChecker;
import dev.faultline.kernel.ipc.IpcBuffer;
import dev.faultline.kernel.ipc.MessageRegisters;
import dev.faultline.kernel.object.Tcb;

/**
 * Makes one system call at a time from the first thread of a {@link LoopSystem}, by writing its
 * registers and IPC buffer and letting it execute its ecall, with the invariants checked after.
 */
final class SyscallProbe {

    final Kernel kernel = new Kernel(KernelConfig.DEFAULT, Console.NONE);
    final Map<String, Tcb> threads = LoopSystem.boot(kernel);

    SyscallProbe() {
        InvariantChecker.checkAfterEveryEntry(kernel);
        kernel.run(0);
    }

    /** The thread that will make the next call. */
    Tcb caller() {
        return kernel.scheduler().current();
    }

    /**
     * Calls (a7 = syscall) on cptr with info, message registers words (MR0..3 in registers, the
     * rest in the IPC buffer) and extraCaps CPtrs; answers the caller's registers afterwards.
     */
    Registers call(long syscall, long cptr, MessageInfo info, long[] words, long... extraCaps) {
        Tcb thread = caller();
        Registers registers = thread.registers();
        registers.setPc(LoopSystem.loopPc());
        registers.set(17, syscall);
        registers.set(MessageRegisters.BADGE, cptr);
        registers.set(MessageRegisters.INFO, info.toWord());
        IpcBuffer buffer = IpcBuffer.of(thread, IpcBuffer.Use.SEND);
        for (int i = 0; i < words.length; i++) {
            if (i < MessageRegisters.IN_REGISTERS) {
                registers.set(12 + i, words[i]);
            } else {
                buffer.setWord(IpcBuffer.MSG + i, words[i]);
            }
        }
        for (int i = 0; i < extraCaps.length; i++) {
            buffer.setWord(IpcBuffer.CAPS_OR_BADGES + i, extraCaps[i]);
        }
        kernel.run(1);
        return registers;
    }

    /** The error code (the reply's label) a Call of label on cptr with words answers. */
    long callError(long cptr, long label, long[] words, long... extraCaps) {
        Registers answer = call(-1, cptr, new MessageInfo(label, 0, extraCaps.length, words.length), words, extraCaps);
        return MessageInfo.fromWord(answer.get(MessageRegisters.INFO)).label();
    }
}
