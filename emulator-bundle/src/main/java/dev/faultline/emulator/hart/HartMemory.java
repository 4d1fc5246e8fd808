package dev.faultline.emulator.hart;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

import dev.faultline.emulator.debug.WatchKind;
import dev.faultline.emulator.debug.Watchpoint;
import dev.faultline.emulator.debug.WatchpointHit;
import dev.faultline.emulator.isa.Opcode;
import dev.faultline.emulator.memory.Access;
import dev.faultline.emulator.memory.AddressSpace;
import dev.faultline.emulator.memory.Frame;
import dev.faultline.emulator.memory.Page;
import dev.faultline.emulator.trap.Trap;
import dev.faultline.emulator.trap.TrapCause;
import dev.faultline.emulator.translate.GuestMemory;

/**
 * The hart's slow path to memory: accesses the TLB could not serve, with every check the fast
 * path skips (page permissions, accesses crossing a page, watchpoints, decoded code under a
 * store), and the A extension's LR/SC reservation and AMOs (RISC-V unprivileged specification,
 * "A" extension; misaligned loads and stores succeed, misaligned LR/SC/AMOs trap).
 */
final class HartMemory implements GuestMemory {

    static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private static final long NO_RESERVATION = -1;
    private static final int OFFSET_MASK = Frame.SIZE - 1;

    AddressSpace space;
    Trap trap;
    WatchpointHit watchpointHit;
    /** Set while the instruction that hit an AFTER watchpoint re-executes. */
    boolean watchpointsSuppressed;
    private long reservation = NO_RESERVATION;

    void clearReservation() {
        reservation = NO_RESERVATION;
    }

    /** The fault of an access the checked translations refused: access fault if unbacked, else page fault. */
    Stop fault(long a, Access access, long pc) {
        boolean unbacked = space.unbackedFor(a, access);
        TrapCause cause = switch (access) {
            case READ -> unbacked ? TrapCause.LOAD_ACCESS_FAULT : TrapCause.LOAD_PAGE_FAULT;
            case WRITE -> unbacked ? TrapCause.STORE_ACCESS_FAULT : TrapCause.STORE_PAGE_FAULT;
            case EXECUTE -> unbacked ? TrapCause.INSTRUCTION_ACCESS_FAULT : TrapCause.INSTRUCTION_PAGE_FAULT;
        };
        return trap(cause, a, pc);
    }

    Stop trap(TrapCause cause, long tval, long pc) {
        trap = new Trap(cause, tval, pc);
        reservation = NO_RESERVATION;
        return Stop.TRAP;
    }

    /** A load of size bytes (1, 2, 4, 8) at a, zero-extended. */
    @Override
    public long load(long a, int size, long pc) {
        byte[] first = readablePage(a, pc);
        int offset = (int) a & OFFSET_MASK;
        if (offset + size <= Frame.SIZE) {
            checkWatch(a, size, WatchKind.READ, pc);
            return read(first, offset, size);
        }
        long second = (a | OFFSET_MASK) + 1;
        byte[] next = readablePage(second, pc);
        checkWatch(a, size, WatchKind.READ, pc);
        long value = 0;
        for (int i = 0; i < size; i++) {
            long byteAddress = a + i;
            byte[] bytes = byteAddress < second ? first : next;
            value |= (bytes[(int) byteAddress & OFFSET_MASK] & 0xffL) << (8 * i);
        }
        return value;
    }

    /** A store of the low size bytes of value at a; nothing is written if any byte would fault. */
    @Override
    public void store(long a, int size, long value, long pc) {
        Page first = writablePage(a, pc);
        int offset = (int) a & OFFSET_MASK;
        if (offset + size <= Frame.SIZE) {
            checkWatch(a, size, WatchKind.WRITE, pc);
            write(first.frame().bytes(), offset, size, value);
            first.frame().invalidateCode(offset, size);
            return;
        }
        long second = (a | OFFSET_MASK) + 1;
        Page next = writablePage(second, pc);
        checkWatch(a, size, WatchKind.WRITE, pc);
        for (int i = 0; i < size; i++) {
            long byteAddress = a + i;
            Page page = byteAddress < second ? first : next;
            page.frame().bytes()[(int) byteAddress & OFFSET_MASK] = (byte) (value >>> (8 * i));
        }
        first.frame().invalidateCode(offset, Frame.SIZE - offset);
        next.frame().invalidateCode(0, (int) (a + size - second));
    }

    /** LR.W / LR.D: a naturally aligned load that registers a reservation on its address. */
    @Override
    public long loadReserved(long a, int size, long pc) {
        if ((a & (size - 1)) != 0) {
            throw trap(TrapCause.LOAD_ADDRESS_MISALIGNED, a, pc);
        }
        long value = load(a, size, pc);
        reservation = a;
        return size == 4 ? (int) value : value;
    }

    /**
     * SC.W / SC.D: stores and answers 0 when the reservation is on this address, else answers 1
     * without touching memory; either way the reservation ends.
     */
    @Override
    public long storeConditional(long a, int size, long value, long pc) {
        if ((a & (size - 1)) != 0) {
            throw trap(TrapCause.STORE_ADDRESS_MISALIGNED, a, pc);
        }
        if (reservation != a) {
            reservation = NO_RESERVATION;
            return 1;
        }
        store(a, size, value, pc);
        reservation = NO_RESERVATION;
        return 0;
    }

    @Override
    public long amo(Opcode opcode, long a, long operand, long pc) {
        boolean word = opcode.name().endsWith("_W");
        long old = amo(Op.of(opcode), a, word ? 4 : 8, operand, pc);
        return word ? (int) old : old;
    }

    /** An AMO: reads the old value, combines it with operand, writes the result; answers the old value. */
    long amo(int op, long a, int size, long operand, long pc) {
        if ((a & (size - 1)) != 0) {
            throw trap(TrapCause.STORE_ADDRESS_MISALIGNED, a, pc);
        }
        // An AMO needs read and write permission; either refused is a store/AMO fault.
        if (!AddressSpace.isUserAddress(a) || space.readable(a >>> Frame.SHIFT) == null) {
            throw fault(a, Access.WRITE, pc);
        }
        Page page = writablePage(a, pc);
        checkWatch(a, size, WatchKind.ACCESS, pc);
        byte[] bytes = page.frame().bytes();
        int offset = (int) a & OFFSET_MASK;
        long old = size == 4 ? (int) INT.get(bytes, offset) : (long) LONG.get(bytes, offset);
        long result = Atomics.combine(op, old, operand, size);
        write(bytes, offset, size, result);
        page.frame().invalidateCode(offset, size);
        return old;
    }

    private byte[] readablePage(long a, long pc) {
        byte[] bytes = AddressSpace.isUserAddress(a) ? space.readable(a >>> Frame.SHIFT) : null;
        if (bytes == null) {
            throw fault(a, Access.READ, pc);
        }
        return bytes;
    }

    private Page writablePage(long a, long pc) {
        Page page = AddressSpace.isUserAddress(a) ? space.writable(a >>> Frame.SHIFT) : null;
        if (page == null) {
            throw fault(a, Access.WRITE, pc);
        }
        return page;
    }

    private void checkWatch(long a, int size, WatchKind access, long pc) {
        if (watchpointsSuppressed) {
            return;
        }
        Watchpoint watchpoint = space.watchpointAt(a, size, access);
        if (watchpoint != null) {
            watchpointHit = new WatchpointHit(watchpoint, a, size, access, pc);
            throw Stop.WATCHPOINT;
        }
    }

    private static long read(byte[] bytes, int offset, int size) {
        return switch (size) {
            case 1 -> bytes[offset] & 0xffL;
            case 2 -> (short) SHORT.get(bytes, offset) & 0xffffL;
            case 4 -> (int) INT.get(bytes, offset) & 0xffffffffL;
            default -> (long) LONG.get(bytes, offset);
        };
    }

    private static void write(byte[] bytes, int offset, int size, long value) {
        switch (size) {
            case 1 -> bytes[offset] = (byte) value;
            case 2 -> SHORT.set(bytes, offset, (short) value);
            case 4 -> INT.set(bytes, offset, (int) value);
            default -> LONG.set(bytes, offset, value);
        }
    }
}
