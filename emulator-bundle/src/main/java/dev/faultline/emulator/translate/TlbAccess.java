package dev.faultline.emulator.translate;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

import dev.faultline.emulator.memory.Frame;
import dev.faultline.emulator.memory.Tlb;

/**
 * Loads and stores through the TLB, falling back to the checked path on a miss or an access
 * that crosses its page. Small enough for the JIT to inline: the interpreter and translated
 * blocks both call these, so the fast path exists once.
 */
public final class TlbAccess {

    private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final int OFFSET_MASK = Frame.SIZE - 1;

    private TlbAccess() {
    }

    public static long lb(long a, long[] tag, byte[][] data, GuestMemory memory, long pc) {
        long vpn = a >>> Frame.SHIFT;
        int i = (int) vpn & Tlb.MASK;
        return tag[i] == vpn ? data[i][(int) a & OFFSET_MASK] : (byte) memory.load(a, 1, pc);
    }

    public static long lbu(long a, long[] tag, byte[][] data, GuestMemory memory, long pc) {
        long vpn = a >>> Frame.SHIFT;
        int i = (int) vpn & Tlb.MASK;
        return tag[i] == vpn ? data[i][(int) a & OFFSET_MASK] & 0xffL : memory.load(a, 1, pc);
    }

    public static long lh(long a, long[] tag, byte[][] data, GuestMemory memory, long pc) {
        long vpn = a >>> Frame.SHIFT;
        int i = (int) vpn & Tlb.MASK;
        int o = (int) a & OFFSET_MASK;
        return tag[i] == vpn && o <= Frame.SIZE - 2 ? (short) SHORT.get(data[i], o) : (short) memory.load(a, 2, pc);
    }

    public static long lhu(long a, long[] tag, byte[][] data, GuestMemory memory, long pc) {
        long vpn = a >>> Frame.SHIFT;
        int i = (int) vpn & Tlb.MASK;
        int o = (int) a & OFFSET_MASK;
        return tag[i] == vpn && o <= Frame.SIZE - 2 ? (short) SHORT.get(data[i], o) & 0xffffL : memory.load(a, 2, pc);
    }

    public static long lw(long a, long[] tag, byte[][] data, GuestMemory memory, long pc) {
        long vpn = a >>> Frame.SHIFT;
        int i = (int) vpn & Tlb.MASK;
        int o = (int) a & OFFSET_MASK;
        return tag[i] == vpn && o <= Frame.SIZE - 4 ? (int) INT.get(data[i], o) : (int) memory.load(a, 4, pc);
    }

    public static long lwu(long a, long[] tag, byte[][] data, GuestMemory memory, long pc) {
        long vpn = a >>> Frame.SHIFT;
        int i = (int) vpn & Tlb.MASK;
        int o = (int) a & OFFSET_MASK;
        return tag[i] == vpn && o <= Frame.SIZE - 4 ? (int) INT.get(data[i], o) & 0xffffffffL : memory.load(a, 4, pc);
    }

    public static long ld(long a, long[] tag, byte[][] data, GuestMemory memory, long pc) {
        long vpn = a >>> Frame.SHIFT;
        int i = (int) vpn & Tlb.MASK;
        int o = (int) a & OFFSET_MASK;
        return tag[i] == vpn && o <= Frame.SIZE - 8 ? (long) LONG.get(data[i], o) : memory.load(a, 8, pc);
    }

    public static void sb(long a, long value, long[] tag, byte[][] data, GuestMemory memory, long pc) {
        long vpn = a >>> Frame.SHIFT;
        int i = (int) vpn & Tlb.MASK;
        if (tag[i] == vpn) {
            data[i][(int) a & OFFSET_MASK] = (byte) value;
        } else {
            memory.store(a, 1, value, pc);
        }
    }

    public static void sh(long a, long value, long[] tag, byte[][] data, GuestMemory memory, long pc) {
        long vpn = a >>> Frame.SHIFT;
        int i = (int) vpn & Tlb.MASK;
        int o = (int) a & OFFSET_MASK;
        if (tag[i] == vpn && o <= Frame.SIZE - 2) {
            SHORT.set(data[i], o, (short) value);
        } else {
            memory.store(a, 2, value, pc);
        }
    }

    public static void sw(long a, long value, long[] tag, byte[][] data, GuestMemory memory, long pc) {
        long vpn = a >>> Frame.SHIFT;
        int i = (int) vpn & Tlb.MASK;
        int o = (int) a & OFFSET_MASK;
        if (tag[i] == vpn && o <= Frame.SIZE - 4) {
            INT.set(data[i], o, (int) value);
        } else {
            memory.store(a, 4, value, pc);
        }
    }

    public static void sd(long a, long value, long[] tag, byte[][] data, GuestMemory memory, long pc) {
        long vpn = a >>> Frame.SHIFT;
        int i = (int) vpn & Tlb.MASK;
        int o = (int) a & OFFSET_MASK;
        if (tag[i] == vpn && o <= Frame.SIZE - 8) {
            LONG.set(data[i], o, value);
        } else {
            memory.store(a, 8, value, pc);
        }
    }
}
