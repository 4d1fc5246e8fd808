package dev.faultline.emulator.bare;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

import dev.faultline.emulator.elf.ElfFile;
import dev.faultline.emulator.elf.ElfFormatException;
import dev.faultline.emulator.elf.ElfLoader;
import dev.faultline.emulator.hart.Hart;
import dev.faultline.emulator.hart.Registers;
import dev.faultline.emulator.hart.StopReason;
import dev.faultline.emulator.memory.Access;
import dev.faultline.emulator.memory.AddressSpace;
import dev.faultline.emulator.memory.Frame;
import dev.faultline.emulator.memory.Page;
import dev.faultline.emulator.memory.Permissions;
import dev.faultline.emulator.trap.TrapCause;

/**
 * Runs a "bare" guest: a static ELF that talks to the world only through Linux's write (a7 = 64)
 * and exit (a7 = 93, exit_group 94) calls, so the same file runs under qemu-riscv64 for
 * comparison. Any other call answers -ENOSYS; any other trap ends the run as Linux's signal would.
 */
public final class BareRunner {

    public static final long SYS_WRITE = 64;
    public static final long SYS_EXIT = 93;
    public static final long SYS_EXIT_GROUP = 94;
    static final long ENOSYS = 38;
    static final long EBADF = 9;
    static final long EFAULT = 14;

    /** The stack a bare guest starts on, just below this address (its own start code may move sp). */
    public static final long STACK_TOP = 0x3f_0000_0000L;
    public static final long STACK_BYTES = 8L << 20;
    /** How many instructions run between checks of the limit. */
    private static final long SLICE = 1L << 24;

    private final AddressSpace space = new AddressSpace();
    private final Hart hart = new Hart(space);
    private final OutputStream stdout;
    private final OutputStream stderr;

    public BareRunner(ElfFile elf, OutputStream stdout, OutputStream stderr) throws ElfFormatException {
        this.stdout = stdout;
        this.stderr = stderr;
        ElfLoader.load(elf, space, Frame::new);
        // Stack pages cost nothing until touched, so the whole stack is mapped up front.
        for (long page = STACK_TOP - STACK_BYTES; page < STACK_TOP; page += Frame.SIZE) {
            space.map(page, new Frame(), Permissions.RW);
        }
        Registers registers = hart.registers();
        registers.setPc(elf.entry());
        registers.set(Registers.indexOf("sp"), STACK_TOP - 16);
    }

    public Hart hart() {
        return hart;
    }

    public AddressSpace addressSpace() {
        return space;
    }

    /** Runs until exit, an unhandled trap, or limit instructions. */
    public BareResult run(long limit) {
        long start = hart.instret();
        while (true) {
            long left = limit - (hart.instret() - start);
            if (left <= 0) {
                return new BareResult(BareResult.Ending.LIMIT, -1, null, hart.instret() - start);
            }
            StopReason reason = hart.run(Math.min(left, SLICE));
            if (reason == StopReason.BREAKPOINT || reason == StopReason.WATCHPOINT) {
                return new BareResult(BareResult.Ending.DEBUG_STOP, -1, null, hart.instret() - start);
            }
            if (reason != StopReason.TRAP) {
                continue;
            }
            if (hart.trap().cause() != TrapCause.ECALL_FROM_U) {
                LinuxSignal signal = LinuxSignal.of(hart.trap().cause());
                return new BareResult(BareResult.Ending.TRAPPED, signal.exitStatus(), hart.trap(), hart.instret() - start);
            }
            Registers registers = hart.registers();
            long call = registers.get(17);
            if (call == SYS_EXIT || call == SYS_EXIT_GROUP) {
                return new BareResult(BareResult.Ending.EXITED, (int) (registers.get(10) & 0xff), null, hart.instret() - start);
            }
            registers.set(10, call == SYS_WRITE ? write(registers.get(10), registers.get(11), registers.get(12)) : -ENOSYS);
            registers.setPc(registers.pc() + 4);
        }
    }

    private long write(long fd, long buffer, long length) {
        OutputStream out = fd == 1 ? stdout : fd == 2 ? stderr : null;
        if (out == null) {
            return -EBADF;
        }
        if (length < 0) {
            return -EFAULT;
        }
        byte[] chunk = new byte[(int) Math.min(length, 1 << 16)];
        long written = 0;
        while (written < length) {
            int size = (int) Math.min(chunk.length, length - written);
            if (!readable(buffer + written, size)) {
                return written > 0 ? written : -EFAULT;
            }
            space.read(buffer + written, chunk, 0, size);
            try {
                out.write(chunk, 0, size);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            written += size;
        }
        return written;
    }

    private boolean readable(long address, int size) {
        for (long page = address & ~(Frame.SIZE - 1L); page < address + size; page += Frame.SIZE) {
            Page mapping = space.page(page);
            if (mapping == null || !mapping.permissions().allows(Access.READ)) {
                return false;
            }
        }
        return true;
    }
}
