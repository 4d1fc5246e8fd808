package dev.faultline.kernel.arch.riscv64;

import java.io.IOException;
import java.nio.file.Path;

import dev.faultline.emulator.elf.ElfFile;
import dev.faultline.emulator.elf.ElfFormatException;
import dev.faultline.emulator.elf.Symbol;
import dev.faultline.emulator.memory.AddressSpace;
import dev.faultline.emulator.testing.Toolchain;
import dev.faultline.kernel.Console;
import dev.faultline.kernel.Kernel;
import dev.faultline.kernel.KernelConfig;
import dev.faultline.kernel.boot.BootException;
import dev.faultline.kernel.boot.RootTaskBoot;
import dev.faultline.kernel.invariant.InvariantChecker;
import dev.faultline.kernel.object.PageTable;
import dev.faultline.kernel.object.Tcb;
import dev.faultline.kernel.sdk.SdkToolchain;

/**
 * A kernel booted with a C root task built against the SDK, its console captured in order
 * (guest bytes and kernel reports, as `faultline run` prints them), and every live VSpace's
 * mirror checked against its page tables, and the kernel's invariants, after every kernel entry.
 */
final class GuestMachine {

    static final long BUDGET = 200_000_000;

    final StringBuilder console = new StringBuilder();
    final StringBuilder reports = new StringBuilder();
    final Kernel kernel;
    final Tcb root;
    private final ElfFile elf;
    private final AddressSpace rootSpace;
    private AssertionError mirrorBroken;

    private GuestMachine(Path file) {
        kernel = new Kernel(KernelConfig.DEFAULT, new Console() {
            @Override
            public void guestByte(int b) {
                console.append((char) b);
            }

            @Override
            public void kernelReport(String text) {
                console.append(text);
                reports.append(text);
            }
        });
        try {
            elf = ElfFile.read(file);
            root = RootTaskBoot.boot(kernel, elf);
        } catch (IOException | ElfFormatException | BootException e) {
            throw new AssertionError(e);
        }
        rootSpace = kernel.asids().root(RootTaskBoot.ROOT_ASID).addressSpace();
        kernel.addEntryListener(this::checkMirrors);
        InvariantChecker.checkAfterEveryEntry(kernel);
    }

    /** The root task of kernel-bundle/src/test/guest/vspace/vspace.c, about to run the case named caseName. */
    static GuestMachine vspaceCase(String caseName) {
        Path source = Toolchain.repositoryRoot().resolve("kernel-bundle/src/test/guest/vspace/vspace.c");
        GuestMachine machine = new GuestMachine(SdkToolchain.buildProgram("vspace-guest", source));
        machine.writeWord(machine.symbol("test_case"), machine.symbol(caseName));
        return machine;
    }

    /** A root task built from sources anywhere (the examples). */
    static GuestMachine program(String name, Path... sources) {
        return new GuestMachine(SdkToolchain.buildProgram(name, sources));
    }

    /** Runs to the end; a broken mirror seen at any kernel entry fails here. */
    Kernel.Exit run() {
        Kernel.Exit exit = kernel.run(BUDGET);
        if (mirrorBroken != null) {
            throw mirrorBroken;
        }
        return exit;
    }

    /** results[i] of the guest, read through the boot VSpace (every case keeps it). */
    long result(int i) {
        return readWord(symbol("results") + 8L * i);
    }

    long symbol(String name) {
        return elf.symbols().byName(name).map(Symbol::value)
                .orElseThrow(() -> new AssertionError(elf.fileName() + " defines no symbol " + name));
    }

    /** The root task's own VSpace root (ASID 1). */
    PageTable bootRoot() {
        return kernel.asids().root(RootTaskBoot.ROOT_ASID);
    }

    private long readWord(long vaddr) {
        byte[] bytes = new byte[8];
        if (rootSpace.read(vaddr, bytes, 0, 8) != 8) {
            throw new AssertionError(String.format("0x%x is not readable in the root task's VSpace", vaddr));
        }
        long value = 0;
        for (int b = 7; b >= 0; b--) {
            value = value << 8 | (bytes[b] & 0xff);
        }
        return value;
    }

    private void writeWord(long vaddr, long value) {
        byte[] bytes = new byte[8];
        for (int b = 0; b < 8; b++) {
            bytes[b] = (byte) (value >>> (8 * b));
        }
        rootSpace.write(vaddr, bytes, 0, 8);
    }

    private void checkMirrors() {
        if (mirrorBroken != null) {
            return;
        }
        try {
            Mirror.checkLiveRoots(kernel.asids());
        } catch (AssertionError e) {
            mirrorBroken = new AssertionError("after kernel entry " + kernel.kernelEntries() + ": " + e.getMessage(), e);
        }
    }
}
