package dev.faultline.kernel.examples;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import dev.faultline.emulator.elf.ElfFile;
import dev.faultline.emulator.elf.ElfFormatException;
import dev.faultline.emulator.elf.Symbol;
import dev.faultline.emulator.testing.Toolchain;
import dev.faultline.kernel.Kernel;
import dev.faultline.kernel.KernelConfig;
import dev.faultline.kernel.boot.BootException;
import dev.faultline.kernel.boot.RootTaskBoot;
import dev.faultline.kernel.invariant.InvariantChecker;
import dev.faultline.kernel.journal.KernelEvent;
import dev.faultline.kernel.object.Capability.PageTableCap;
import dev.faultline.kernel.object.Tcb;
import dev.faultline.kernel.object.TcbSlot;
import dev.faultline.kernel.sdk.SdkToolchain;

/**
 * One run of a root task built against the SDK, to the machine's end, with the kernel's invariants checked at
 * every kernel exit: its console, its journal and its memory.
 */
final class ExampleRun {

    /** More than any example needs; a run that uses it all has gone wrong. */
    static final long BUDGET = 50_000_000;

    final ElfFile elf;
    final Kernel kernel;
    final Tcb root;
    final Kernel.Exit exit;
    /** The guest's bytes and the kernel's reports, in the order they came, as ./faultline run prints them. */
    final String console;

    private ExampleRun(Path file) {
        ConsoleText text = new ConsoleText();
        kernel = new Kernel(KernelConfig.DEFAULT, text);
        try {
            elf = ElfFile.read(file);
            root = RootTaskBoot.boot(kernel, elf);
        } catch (IOException | ElfFormatException | BootException e) {
            throw new AssertionError("cannot boot " + file + ": " + e.getMessage(), e);
        }
        InvariantChecker.checkAfterEveryEntry(kernel);
        exit = kernel.run(BUDGET);
        console = text.toString();
    }

    /** Builds examples/NAME/NAME.c with the SDK as the examples Makefile does, and runs it. */
    static ExampleRun example(String name) {
        return run(build(name));
    }

    static Path build(String name) {
        return SdkToolchain.buildProgram("example-" + name, folder(name).resolve(name + ".c"));
    }

    /** Boots the program as the root task and runs it until the machine is idle or halted. */
    static ExampleRun run(Path elf) {
        return new ExampleRun(elf);
    }

    /** What examples/NAME/NAME.expected says the console must be. */
    static String expected(String name) {
        try {
            return Files.readString(folder(name).resolve(name + ".expected"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path folder(String name) {
        return Toolchain.repositoryRoot().resolve("examples").resolve(name);
    }

    List<KernelEvent> events() {
        return kernel.journal().events();
    }

    <T extends KernelEvent> List<T> events(Class<T> kind) {
        return kernel.journal().events(kind);
    }

    /** The fault and interrupt events, as FaultJournal writes them. */
    List<String> faultJournal() {
        return FaultJournal.lines(kernel, events(), elf.symbols());
    }

    long symbol(String name) {
        return elf.symbols().byName(name).map(Symbol::value)
                .orElseThrow(() -> new AssertionError(elf.fileName() + " defines no symbol " + name));
    }

    /** A word of the root task's memory, read through its VSpace. */
    long readWord(long address) {
        byte[] bytes = new byte[8];
        PageTableCap vspace = (PageTableCap) root.slot(TcbSlot.VSPACE_ROOT).cap();
        vspace.table().addressSpace().read(address, bytes, 0, 8);
        long word = 0;
        for (int i = 7; i >= 0; i--) {
            word = word << 8 | (bytes[i] & 0xff);
        }
        return word;
    }

    /** The thread the kernel knows by that name (seL4_DebugNameThread's, or the default). */
    Tcb thread(String name) {
        return kernel.objects().all(Tcb.class).stream().filter(t -> t.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no thread named " + name));
    }

    /**
     * Asserts that the journal holds, in this order, an event matching each step (other events
     * may come between them), and answers the events matched.
     */
    @SafeVarargs
    final List<KernelEvent> assertInOrder(Step<? extends KernelEvent>... steps) {
        List<KernelEvent> events = events();
        List<KernelEvent> matched = new ArrayList<>();
        int at = 0;
        for (Step<? extends KernelEvent> step : steps) {
            int found = -1;
            for (int i = at; i < events.size(); i++) {
                if (step.matches(events.get(i))) {
                    found = i;
                    break;
                }
            }
            if (found < 0) {
                fail("no event after #" + at + " is " + step.description + "; matched so far: " + matched);
            }
            matched.add(events.get(found));
            at = found + 1;
        }
        return matched;
    }

    /** An event of a kind that satisfies a test, described for the failure message. */
    record Step<T extends KernelEvent>(Class<T> kind, Predicate<T> test, String description) {

        static <T extends KernelEvent> Step<T> of(Class<T> kind, String description, Predicate<T> test) {
            return new Step<>(kind, test, description);
        }

        boolean matches(KernelEvent event) {
            return kind.isInstance(event) && test.test(kind.cast(event));
        }
    }
}
