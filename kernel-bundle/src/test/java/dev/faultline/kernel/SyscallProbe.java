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
public final class SyscallProbe {

    public final Kernel kernel = new Kernel(KernelConfig.DEFAULT, Console.NONE);
    public final Map<String, Tcb> threads = LoopSystem.boot(kernel);

    /** Where the next call stops the kernel: at the exit after this entry. */
    private long stopAfter = Long.MAX_VALUE;

    public SyscallProbe() {
        InvariantChecker.checkAfterEveryEntry(kernel);
        kernel.addEntryListener(() -> {
            if (kernel.kernelEntries() >= stopAfter) {
                throw new Stopped();
            }
        });
        kernel.run(0);
    }

    /** Stops the run at a kernel exit, where the kernel is between entries and can run on later. */
    private static final class Stopped extends RuntimeException {
        Stopped() {
            super(null, null, false, false);
        }
    }

    /** The thread that will make the next call. */
    public Tcb caller() {
        return kernel.scheduler().current();
    }

    /**
     * Calls (a7 = syscall) on cptr with info, message registers words (MR0..3 in registers, the
     * rest in the IPC buffer) and extraCaps CPtrs; answers the caller's registers afterwards.
     */
    public Registers call(long syscall, long cptr, MessageInfo info, long[] words, long... extraCaps) {
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
        stopAfter = kernel.kernelEntries() + 1;
        try {
            kernel.run(Long.MAX_VALUE);
            throw new AssertionError("the kernel stopped before " + thread.label() + " made its call");
        } catch (Stopped stopped) {
            return registers;
        } finally {
            stopAfter = Long.MAX_VALUE;
        }
    }

    /** The error code (the reply's label) a Call of label on cptr with words answers. */
    public long callError(long cptr, long label, long[] words, long... extraCaps) {
        Registers answer = call(-1, cptr, new MessageInfo(label, 0, extraCaps.length, words.length), words, extraCaps);
        return MessageInfo.fromWord(answer.get(MessageRegisters.INFO)).label();
    }
}
