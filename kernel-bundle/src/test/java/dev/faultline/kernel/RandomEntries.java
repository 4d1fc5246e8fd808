package dev.faultline.kernel;

import java.util.SplittableRandom;

import dev.faultline.emulator.hart.Registers;
import dev.faultline.kernel.api.InvocationLabel;
import dev.faultline.kernel.api.Syscall;
import dev.faultline.kernel.ipc.IpcBuffer;
import dev.faultline.kernel.object.Tcb;

/**
 * Fills the current thread's registers and IPC buffer with a random system call at each kernel
 * exit: a syscall number (mostly a real one), a CPtr (mostly a small slot number, so often a valid
 * cap), message info with a random label, and message registers and extra-cap CPtrs drawn from
 * values invocations take (slot numbers, object types, rights, page addresses) or from anywhere.
 */
final class RandomEntries {

    private static final Syscall[] SYSCALLS = Syscall.values();
    private static final int LABELS = InvocationLabel.values().length;

    private final Kernel kernel;
    private final SplittableRandom random;
    private final long loopPc;
    private final int slots;
    /** The last call made: a7, a0..a6, for the failure message. */
    private final long[] last = new long[8];

    /** loopPc: the guest's ecall; slots: the size of the threads' CNodes, where most CPtrs land. */
    RandomEntries(Kernel kernel, long seed, long loopPc, int slots) {
        this.kernel = kernel;
        this.random = new SplittableRandom(seed);
        this.loopPc = loopPc;
        this.slots = slots;
    }

    /** The kernel exit listener: the thread about to run makes a random call. */
    void next() {
        Tcb thread = kernel.scheduler().current();
        if (thread == null) {
            return;
        }
        Registers registers = thread.registers();
        // Now and then a thread runs from wherever a fault reply or WriteRegisters left its pc.
        if (random.nextInt(64) != 0) {
            registers.setPc(loopPc);
        }
        registers.set(17, syscall());
        registers.set(10, cptr());
        registers.set(11, info());
        for (int a = 12; a <= 16; a++) {
            registers.set(a, word());
        }
        for (int i = 0; i < 8; i++) {
            last[i] = registers.get(i == 0 ? 17 : 9 + i);
        }
        IpcBuffer buffer = IpcBuffer.of(thread, IpcBuffer.Use.SEND);
        if (buffer != null) {
            for (int i = 4; i < 12; i++) {
                buffer.setWord(IpcBuffer.MSG + i, word());
            }
            for (int i = 0; i < 3; i++) {
                buffer.setWord(IpcBuffer.CAPS_OR_BADGES + i, cptr());
            }
            buffer.setWord(IpcBuffer.RECEIVE_CNODE, cptr());
            buffer.setWord(IpcBuffer.RECEIVE_INDEX, cptr());
            buffer.setWord(IpcBuffer.RECEIVE_DEPTH, depth());
        }
    }

    /** The last call, as a7 then a0..a6 in hex. */
    String lastCall() {
        StringBuilder text = new StringBuilder("a7=" + last[0]);
        for (int i = 1; i < 8; i++) {
            text.append(" a").append(i - 1).append("=0x").append(Long.toHexString(last[i]));
        }
        return text.toString();
    }

    private long syscall() {
        int pick = random.nextInt(100);
        if (pick < 4) {
            long number = random.nextInt(8) == 0 ? random.nextLong() : -random.nextInt(20) + 4;
            return number == Syscall.DEBUG_HALT.number() || number == Syscall.DEBUG_NAME_THREAD.number()
                    ? Syscall.CALL.number() : number;
        }
        Syscall call = SYSCALLS[random.nextInt(SYSCALLS.length)];
        // Halting ends the machine (and DebugNameThread halts unless given a TCB cap): keep them
        // rare so each machine makes many calls first.
        if ((call == Syscall.DEBUG_HALT || call == Syscall.DEBUG_NAME_THREAD) && random.nextInt(200) != 0) {
            call = Syscall.CALL;
        }
        return call.number();
    }

    private long cptr() {
        int pick = random.nextInt(10);
        if (pick < 7) {
            return random.nextInt(16);
        }
        return pick < 9 ? random.nextInt(slots * 2) : random.nextLong();
    }

    private long info() {
        long label = random.nextInt(10) == 0 ? random.nextLong() >>> 12 : random.nextInt(LABELS + 2);
        int length = random.nextInt(8) == 0 ? random.nextInt(128) : random.nextInt(8);
        return label << 12 | (long) random.nextInt(8) << 9 | (long) random.nextInt(4) << 7 | length;
    }

    private long depth() {
        return switch (random.nextInt(4)) {
            case 0 -> 0;
            case 1 -> 64;
            case 2 -> random.nextInt(70);
            default -> Integer.numberOfTrailingZeros(slots) + random.nextInt(3) - 1;
        };
    }

    private long word() {
        return switch (random.nextInt(10)) {
            case 0, 1, 2 -> random.nextInt(32);
            case 3 -> random.nextInt(16);
            case 4 -> 0x4000_0000L + ((long) random.nextInt(16) << 12);
            case 5 -> (long) random.nextInt(4) << 30 | (long) random.nextInt(512) << 12;
            case 6 -> random.nextLong();
            case 7 -> 64 - Integer.numberOfTrailingZeros(slots) + random.nextInt(3) - 1;
            default -> cptr();
        };
    }
}
