package dev.faultline.kernel.examples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.faultline.emulator.elf.ElfFile;
import dev.faultline.emulator.elf.ElfFormatException;
import dev.faultline.emulator.elf.SymbolTable;
import dev.faultline.kernel.Kernel;
import dev.faultline.kernel.KernelConfig;
import dev.faultline.kernel.api.Syscall;
import dev.faultline.kernel.journal.KernelEvent;
import dev.faultline.kernel.object.Tcb;
import dev.faultline.kernel.sdk.SdkToolchain;
import dev.faultline.kernel.system.SystemDescriptionException;
import dev.faultline.kernel.system.SystemLoader;
import dev.faultline.kernel.system.SystemParser;

/**
 * One run of examples/NAME/NAME.system to the machine's end. Its programs are built as the
 * examples Makefile builds them: each "../target/NAME/PROG.elf" the description names is
 * examples/NAME/PROG.c, compiled against the SDK, and the description is read with those paths.
 */
final class SystemRun {

    private static final Pattern PROGRAM = Pattern.compile("\"\\.\\./target/([^/\"]+)/([^/\"]+)\\.elf\"");

    final Kernel kernel;
    final Map<String, Tcb> threads;
    final Kernel.Exit exit;
    final String console;
    /** Each program's symbols, by program (thread) name. */
    private final Map<String, SymbolTable> symbols = new HashMap<>();

    private SystemRun(String name) {
        ConsoleText text = new ConsoleText();
        kernel = new Kernel(KernelConfig.DEFAULT, text);
        Path file = ExampleRun.folder(name).resolve(name + ".system");
        try {
            threads = SystemLoader.load(kernel, SystemParser.parse(file, withBuiltPrograms(name, Files.readString(file))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SystemDescriptionException e) {
            throw new AssertionError(e.getMessage(), e);
        }
        exit = kernel.run(ExampleRun.BUDGET);
        console = text.toString();
    }

    /** Builds, loads and runs examples/NAME/NAME.system. */
    static SystemRun example(String name) {
        return new SystemRun(name);
    }

    /** The description's text with each program's path replaced by the program built from its source. */
    private String withBuiltPrograms(String name, String description) {
        Matcher matcher = PROGRAM.matcher(description);
        StringBuilder text = new StringBuilder();
        while (matcher.find()) {
            if (!matcher.group(1).equals(name)) {
                throw new AssertionError(name + ".system names a program of another example: " + matcher.group());
            }
            Path elf = program(name, matcher.group(2));
            symbols.put(programName(description, matcher.start()), symbolsOf(elf));
            matcher.appendReplacement(text, Matcher.quoteReplacement("\"" + elf + "\""));
        }
        matcher.appendTail(text);
        return text.toString();
    }

    /** The name of the program declared on the line that holds offset: program NAME "file" {. */
    private static String programName(String description, int offset) {
        String line = description.substring(description.lastIndexOf('\n', offset) + 1, offset).trim();
        return line.split("\\s+")[1];
    }

    private static SymbolTable symbolsOf(Path elf) {
        try {
            return ElfFile.read(elf).symbols();
        } catch (IOException | ElfFormatException e) {
            throw new AssertionError("cannot read " + elf + ": " + e.getMessage(), e);
        }
    }

    /** The fault and interrupt events, as FaultJournal writes them, with each program's symbols. */
    List<String> faultJournal() {
        return FaultJournal.lines(kernel, events(), symbols::get);
    }

    /** examples/NAME/PROG.c built against the SDK. */
    static Path program(String name, String program) {
        return SdkToolchain.buildProgram("example-" + name + "-" + program,
                ExampleRun.folder(name).resolve(program + ".c"));
    }

    /** The programs a description names, in order: the C files beside it that make builds. */
    static List<String> programs(String name) throws IOException {
        Matcher matcher = PROGRAM.matcher(Files.readString(ExampleRun.folder(name).resolve(name + ".system")));
        return matcher.results().map(m -> m.group(2)).toList();
    }

    List<KernelEvent> events() {
        return kernel.journal().events();
    }

    Tcb thread(String name) {
        Tcb tcb = threads.get(name);
        if (tcb == null) {
            throw new AssertionError("no program named " + name);
        }
        return tcb;
    }

    /** Asserts that thread entered the kernel with NBRecv on cptr after time. */
    void assertNbRecvAfter(long time, long thread, long cptr) {
        boolean found = kernel.journal().events(KernelEvent.SyscallEntered.class).stream().anyMatch(e -> e.time() > time
                && e.thread() == thread && e.syscall() == Syscall.NB_RECV && e.cptr() == cptr);
        if (!found) {
            throw new AssertionError("no NBRecv on " + cptr + " after " + time);
        }
    }
}
