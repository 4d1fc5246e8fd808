package dev.faultline.kernel.sdk;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.faultline.emulator.elf.ElfFile;
import dev.faultline.emulator.elf.ElfFormatException;
import dev.faultline.emulator.elf.ElfLoader;
import dev.faultline.emulator.elf.Symbol;
import dev.faultline.emulator.hart.Hart;
import dev.faultline.emulator.hart.Registers;
import dev.faultline.emulator.hart.StopReason;
import dev.faultline.emulator.memory.AddressSpace;
import dev.faultline.emulator.memory.Frame;
import dev.faultline.emulator.memory.Permissions;
import dev.faultline.emulator.trap.Trap;
import dev.faultline.emulator.trap.TrapCause;

/**
 * A guest built against the SDK, loaded on the emulator's hart the way the kernel starts a root
 * task (reference §6.3: IPC buffer page after the image, boot info page after it, a0 = boot info)
 * or the way a loader starts a system-description program (a0 = 0, __sel4_ipc_buffer written).
 * Every ecall is recorded and answered by a {@link KernelAnswer}; the run ends at crt0's exit
 * call, at any other trap, or fails when the instruction budget runs out.
 */
final class SdkGuest {

    /** How a run ended. */
    enum Ending {
        /** main returned and crt0 made its exit call (the entry is {@link #exitCall()}). */
        EXITED,
        /** The guest trapped other than by ecall; {@link #trap()} says how. */
        TRAPPED
    }

    static final long BUDGET = 2_000_000;
    static final int IPC_BUFFER_WORDS = 128;

    /** Boot info contents the tutorial helpers read: free slots and two untypeds, the first a device. */
    static final long EMPTY_START = 0x20;
    static final long EMPTY_END = 0x10000;
    static final long UNTYPED_START = 0x100;

    private final ElfFile elf;
    private final AddressSpace space = new AddressSpace();
    private final Hart hart = new Hart(space);
    private final long ipcBuffer;
    private final long bootInfo;
    private final List<KernelEntry> calls = new ArrayList<>();
    private KernelEntry exitCall;

    private SdkGuest(Path file, boolean rootTask) {
        try {
            elf = ElfFile.read(file);
            ElfLoader.load(elf, space, Frame::new);
        } catch (IOException | ElfFormatException e) {
            throw new AssertionError("cannot load " + file + ": " + e.getMessage(), e);
        }
        long imageEnd = (symbol("_end") + Frame.SIZE - 1) & -Frame.SIZE;
        ipcBuffer = imageEnd;
        bootInfo = imageEnd + Frame.SIZE;
        space.map(ipcBuffer, new Frame(), Permissions.RW);
        Registers registers = hart.registers();
        registers.setPc(elf.entry());
        if (rootTask) {
            space.map(bootInfo, new Frame(), Permissions.RW);
            writeBootInfo();
            registers.set(reg("a0"), bootInfo);
        } else {
            writeWord(symbol("__sel4_ipc_buffer"), ipcBuffer);
            registers.set(reg("a0"), 0);
        }
    }

    /** Loads elf as the kernel loads a root task. */
    static SdkGuest rootTask(Path elf) {
        return new SdkGuest(elf, true);
    }

    /** Loads elf as a system-description loader would: a0 = 0, __sel4_ipc_buffer already set. */
    static SdkGuest loaderStarted(Path elf) {
        return new SdkGuest(elf, false);
    }

    private void writeBootInfo() {
        ByteBuffer info = ByteBuffer.allocate(Frame.SIZE).order(ByteOrder.LITTLE_ENDIAN);
        info.putLong(16, 1);                     // numNodes
        info.putLong(32, ipcBuffer);             // ipcBuffer
        info.putLong(40, EMPTY_START);           // empty
        info.putLong(48, EMPTY_END);
        info.putLong(136, 16);                   // initThreadCNodeSizeBits
        info.putLong(152, UNTYPED_START);        // untyped
        info.putLong(160, UNTYPED_START + 2);
        info.putLong(168, 0x1000_0000L);         // untypedList[0]: a device untyped
        info.put(176, (byte) 12);
        info.put(177, (byte) 1);
        info.putLong(184, 0x8020_0000L);         // untypedList[1]: RAM
        info.put(192, (byte) 20);
        info.put(193, (byte) 0);
        space.page(bootInfo).frame().write(0, info.array(), 0, Frame.SIZE);
    }

    static int reg(String abiName) {
        return Registers.indexOf(abiName);
    }

    /** The value of a symbol the guest defines; a missing symbol fails the test. */
    long symbol(String name) {
        return elf.symbols().byName(name).map(Symbol::value)
                .orElseThrow(() -> new AssertionError(elf.fileName() + " defines no symbol " + name));
    }

    ElfFile elf() {
        return elf;
    }

    Hart hart() {
        return hart;
    }

    long ipcBufferAddress() {
        return ipcBuffer;
    }

    long bootInfoAddress() {
        return bootInfo;
    }

    /** Makes main run the case function named caseName (the harness's test_case pointer). */
    SdkGuest select(String caseName) {
        writeWord(symbol("test_case"), symbol(caseName));
        return this;
    }

    /** Runs to the exit call or a trap, answering every other ecall with answer. */
    Ending run(KernelAnswer answer) {
        long start = hart.instret();
        while (hart.instret() - start < BUDGET) {
            StopReason reason = hart.run(BUDGET - (hart.instret() - start));
            if (reason != StopReason.TRAP) {
                continue;
            }
            if (hart.trap().cause() != TrapCause.ECALL_FROM_U) {
                return Ending.TRAPPED;
            }
            KernelEntry entry = entry();
            if (isInStart(entry.pc())) {
                exitCall = entry;
                return Ending.EXITED;
            }
            calls.add(entry);
            answer.answer(entry, this);
            hart.registers().setPc(entry.pc() + 4);
        }
        throw new AssertionError("the guest ran " + BUDGET + " instructions without exiting or trapping");
    }

    /** Lets crt0's exit call return (with whatever registers the test set) and runs on. */
    Ending resumeAfterExit(KernelAnswer answer) {
        hart.registers().setPc(exitCall.pc() + 4);
        return run(answer);
    }

    private boolean isInStart(long pc) {
        return isIn("_start", pc);
    }

    /** Whether pc lies inside the function (or other sized symbol) called name. */
    boolean isIn(String name, long pc) {
        Symbol symbol = elf.symbols().byName(name)
                .orElseThrow(() -> new AssertionError(elf.fileName() + " defines no symbol " + name));
        return pc >= symbol.value() && pc < symbol.value() + symbol.size();
    }

    private KernelEntry entry() {
        long[] a = new long[8];
        for (int i = 0; i < 8; i++) {
            a[i] = hart.registers().get(reg("a" + i));
        }
        long[] buffer = new long[IPC_BUFFER_WORDS];
        for (int i = 0; i < IPC_BUFFER_WORDS; i++) {
            buffer[i] = readWord(ipcBuffer + 8L * i);
        }
        return new KernelEntry(hart.registers().pc(), a, buffer);
    }

    /** The ecalls answered so far, in order (crt0's exit call is not among them). */
    List<KernelEntry> calls() {
        return calls;
    }

    /** The only ecall of the run; fails unless there was exactly one. */
    KernelEntry onlyCall() {
        if (calls.size() != 1) {
            throw new AssertionError("expected exactly one ecall, got " + calls.size());
        }
        return calls.get(0);
    }

    /** What the guest printed: the characters of its seL4_DebugPutChar calls (a7 = -9, a0 = the character). */
    String console() {
        StringBuilder text = new StringBuilder();
        for (KernelEntry call : calls) {
            if (call.syscall() == -9) {
                text.append((char) (call.a()[0] & 0xff));
            }
        }
        return text.toString();
    }

    KernelEntry exitCall() {
        return exitCall;
    }

    Trap trap() {
        return hart.trap();
    }

    /** Writes what the kernel writes when it delivers a message: badge, info, MR0..3 in a2..a5, MR4.. in msg[4..]. */
    void deliver(long badge, long info, long... words) {
        Registers registers = hart.registers();
        registers.set(reg("a0"), badge);
        registers.set(reg("a1"), info);
        for (int i = 0; i < words.length; i++) {
            if (i < 4) {
                registers.set(reg("a" + (2 + i)), words[i]);
            } else {
                writeWord(ipcBuffer + 8L * (i + 1), words[i]);
            }
        }
    }

    void setRegister(String abiName, long value) {
        hart.registers().set(reg(abiName), value);
    }

    long readWord(long address) {
        byte[] bytes = new byte[8];
        space.read(address, bytes, 0, 8);
        return ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getLong();
    }

    void writeWord(long address, long value) {
        byte[] bytes = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(value).array();
        space.write(address, bytes, 0, 8);
    }

    /** Word i of the guest's results array. */
    long result(int i) {
        return readWord(symbol("results") + 8L * i);
    }

    /** Word i of the guest's IPC buffer now. */
    long ipcWord(int i) {
        return readWord(ipcBuffer + 8L * i);
    }

    /** The NUL-terminated string at address. */
    String readString(long address) {
        StringBuilder text = new StringBuilder();
        byte[] one = new byte[1];
        for (long at = address; ; at++) {
            space.read(at, one, 0, 1);
            if (one[0] == 0) {
                return text.toString();
            }
            text.append(new String(one, StandardCharsets.ISO_8859_1));
        }
    }
}
