package dev.faultline.kernel;

import java.util.SplittableRandom;

import dev.faultline.emulator.hart.Registers;
import dev.faultline.kernel.api.InvocationLabel;
import dev.faultline.kernel.api.Syscall;
import dev.faultline.kernel.cspace.CSpace;
import dev.faultline.kernel.cspace.LookupException;
import dev.faultline.kernel.ipc.IpcBuffer;
import dev.faultline.kernel.object.Capability;
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
    /** CPtrs of CNode caps in the callers' CSpaces, for the CNode arguments of shaped calls. */
    private final long[] cnodes;
    /** The last call made: a7, a0..a6, for the failure message. */
    private final long[] last = new long[8];

    /**
     * loopPc: the guest's ecall; slots: the size of the threads' CNodes, where most CPtrs land
     * (slots from 16 on are free at boot); cnodes: CPtrs of CNode caps the threads hold.
     */
    RandomEntries(Kernel kernel, long seed, long loopPc, int slots, long... cnodes) {
        this.kernel = kernel;
        this.random = new SplittableRandom(seed);
        this.loopPc = loopPc;
        this.slots = slots;
        this.cnodes = cnodes;
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
        long cptr = cptr();
        long label = labelFor(thread, cptr);
        long[] words = new long[12];
        for (int i = 0; i < words.length; i++) {
            words[i] = word();
        }
        long[] caps = {cptr(), cptr(), cptr()};
        int length = random.nextInt(8) == 0 ? random.nextInt(128) : random.nextInt(8);
        int extraCaps = random.nextInt(4);
        // Half the calls take the shape their label expects, so invocations get past decoding
        // and change the system (new objects, moved caps) for the calls after them.
        if (random.nextBoolean()) {
            int[] shape = shape(label, words, caps);
            length = shape[0];
            extraCaps = shape[1];
        }
        registers.set(17, syscall());
        registers.set(10, cptr);
        registers.set(11, label << 12 | (long) random.nextInt(8) << 9 | (long) extraCaps << 7 | length);
        for (int i = 0; i < 4; i++) {
            registers.set(12 + i, words[i]);
        }
        registers.set(16, word());
        for (int i = 0; i < 8; i++) {
            last[i] = registers.get(i == 0 ? 17 : 9 + i);
        }
        IpcBuffer buffer = IpcBuffer.of(thread, IpcBuffer.Use.SEND);
        if (buffer != null) {
            for (int i = 4; i < words.length; i++) {
                buffer.setWord(IpcBuffer.MSG + i, words[i]);
            }
            for (int i = 0; i < 3; i++) {
                buffer.setWord(IpcBuffer.CAPS_OR_BADGES + i, caps[i]);
            }
            buffer.setWord(IpcBuffer.RECEIVE_CNODE, cptr());
            buffer.setWord(IpcBuffer.RECEIVE_INDEX, cptr());
            buffer.setWord(IpcBuffer.RECEIVE_DEPTH, depth());
        }
    }

    /**
     * Reshapes words and caps as the invocation label takes them (seL4's argument layouts): slot
     * indices at depth 64 in the threads' single-level CNodes, object types, counts, free slots.
     * Answers the message length and the number of extra caps.
     */
    private int[] shape(long label, long[] words, long[] caps) {
        caps[0] = cnodes[random.nextInt(cnodes.length)];
        caps[1] = random.nextBoolean() ? cnodes[0] : cptr();
        int n = (int) label;
        if (n == InvocationLabel.UNTYPED_RETYPE.number()) {
            fill(words, random.nextInt(13), random.nextInt(12), 0, random.nextInt(3) == 0 ? 64 : 0,
                    freeSlot(), 1 + random.nextInt(3));
            if (words[3] == 64) {
                words[2] = caps[0];
            }
            return new int[] {6, 1};
        }
        if (n >= InvocationLabel.CNODE_COPY.number() && n <= InvocationLabel.CNODE_MUTATE.number()) {
            fill(words, freeSlot(), 64, random.nextInt(slots), 64, random.nextInt(16), random.nextInt(4));
            return new int[] {6, 1};
        }
        if (n == InvocationLabel.CNODE_ROTATE.number()) {
            fill(words, freeSlot(), 64, random.nextInt(4), random.nextInt(slots), 64, random.nextInt(4),
                    random.nextInt(slots), 64);
            return new int[] {8, 2};
        }
        if (n >= InvocationLabel.CNODE_REVOKE.number() && n <= InvocationLabel.CNODE_SAVE_CALLER.number()) {
            fill(words, random.nextInt(slots), 64);
            return new int[] {2, 0};
        }
        for (int i = 0; i < 8; i++) {
            words[i] = plausible();
        }
        caps[1] = plausibleCap();
        caps[2] = plausibleCap();
        return new int[] {random.nextInt(9), random.nextInt(4)};
    }

    private static void fill(long[] words, long... values) {
        System.arraycopy(values, 0, words, 0, values.length);
    }

    /** A slot the system leaves empty, though earlier calls may have filled it. */
    private long freeSlot() {
        return 16 + random.nextInt(slots - 16);
    }

    private long plausible() {
        return switch (random.nextInt(8)) {
            case 0 -> 0;
            case 1 -> 64;
            case 2 -> random.nextInt(slots);
            case 3 -> freeSlot();
            case 4 -> random.nextInt(13);
            case 5 -> 1 + random.nextInt(4);
            case 6 -> 0x4000_0000L + ((long) random.nextInt(16) << 12);
            default -> random.nextInt(16);
        };
    }

    private long plausibleCap() {
        return random.nextInt(3) == 0 ? freeSlot() : 1 + random.nextInt(15);
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

    /** Mostly the fixed slots below 16, often the ones after them (a root task's untypeds and frames). */
    private long cptr() {
        int pick = random.nextInt(20);
        if (pick < 12) {
            return random.nextInt(16);
        }
        if (pick < 17) {
            return random.nextInt(64);
        }
        return pick < 19 ? random.nextInt(slots * 2) : random.nextLong();
    }

    /** Mostly a label of the invoked cap's own kind, so invocations get past their first check. */
    private long labelFor(Tcb thread, long cptr) {
        int pick = random.nextInt(10);
        if (pick == 0) {
            return random.nextLong() >>> 12;
        }
        if (pick < 4) {
            return random.nextInt(LABELS + 2);
        }
        Capability cap;
        try {
            cap = CSpace.lookupCap(thread, cptr);
        } catch (LookupException e) {
            return random.nextInt(LABELS + 2);
        }
        int[] range = switch (cap) {
            case Capability.UntypedCap u -> new int[] {1, 1};
            case Capability.TcbCap t -> new int[] {2, 16};
            case Capability.CNodeCap c -> new int[] {17, 25};
            case Capability.IrqHandlerCap h -> new int[] {27, 29};
            case Capability.PageTableCap p -> new int[] {33, 34};
            case Capability.FrameCap f -> new int[] {35, 37};
            case Capability.IrqControlCap c -> new int[] {26, 26};
            case Capability.AsidControlCap c -> new int[] {38, 38};
            case Capability.AsidPoolCap p -> new int[] {39, 39};
            case Capability.DomainCap d -> new int[] {30, 30};
            default -> new int[] {0, LABELS - 1};
        };
        return range[0] + random.nextInt(range[1] - range[0] + 1);
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
            case 0 -> 0;
            case 1 -> random.nextInt(4);
            case 2, 3 -> random.nextInt(32);
            case 4 -> 0x4000_0000L + ((long) random.nextInt(16) << 12);
            case 5 -> (long) random.nextInt(4) << 30 | (long) random.nextInt(512) << 12;
            case 6 -> random.nextLong();
            case 7 -> 64 - Integer.numberOfTrailingZeros(slots) + random.nextInt(3) - 1;
            default -> cptr();
        };
    }
}
