package dev.faultline.dap.session;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.faultline.emulator.dwarf.LineRow;
import dev.faultline.emulator.elf.ElfFile;
import dev.faultline.emulator.elf.ElfFormatException;
import dev.faultline.emulator.memory.AddressSpace;
import dev.faultline.kernel.Console;
import dev.faultline.kernel.Kernel;
import dev.faultline.kernel.KernelConfig;
import dev.faultline.kernel.arch.riscv64.VmRoot;
import dev.faultline.kernel.boot.BootException;
import dev.faultline.kernel.boot.RootTaskBoot;
import dev.faultline.kernel.object.Tcb;
import dev.faultline.kernel.system.SystemDescription;
import dev.faultline.kernel.system.SystemDescriptionException;
import dev.faultline.kernel.system.SystemLoader;
import dev.faultline.kernel.system.SystemParser;

/**
 * The machine under the debugger: a kernel booted with a root task or a system description, its
 * program images, and which image each address space runs. Touched on the machine thread only.
 */
public final class Machine {

    private final Kernel kernel;
    private final List<Program> programs;
    private final Map<AddressSpace, Program> spaces;
    private final OutputBuffer console;
    /** The source line of the breakpoint each thread stopped at, while the machine is stopped. */
    private final Map<Long, LineRow> breakpointLines = new java.util.HashMap<>();

    private Machine(Kernel kernel, List<Program> programs, Map<AddressSpace, Program> spaces, OutputBuffer console) {
        this.kernel = kernel;
        this.programs = List.copyOf(programs);
        this.spaces = spaces;
        this.console = console;
    }

    /** Boots file, a root-task ELF or a system description (told apart by the ELF magic number). */
    public static Machine boot(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new SessionException(SessionException.LAUNCH_FAILED, file + ": no such file");
        } catch (IOException e) {
            throw new SessionException(SessionException.LAUNCH_FAILED, file + ": cannot read: " + e.getMessage());
        }
        OutputBuffer console = new OutputBuffer();
        Kernel kernel = new Kernel(KernelConfig.DEFAULT.withJournalCapacity(0), console);
        boolean elf = bytes.length >= 4 && bytes[0] == 0x7f && bytes[1] == 'E' && bytes[2] == 'L' && bytes[3] == 'F';
        return elf ? bootRootTask(kernel, file, bytes, console) : bootSystem(kernel, file, console);
    }

    private static Machine bootRootTask(Kernel kernel, Path file, byte[] bytes, OutputBuffer console) {
        String name = String.valueOf(file.getFileName());
        try {
            ElfFile elf = ElfFile.parse(name, bytes);
            Tcb root = RootTaskBoot.boot(kernel, elf);
            Program program = new Program(name, file.toAbsolutePath(), elf);
            Map<AddressSpace, Program> spaces = new IdentityHashMap<>();
            spaces.put(VmRoot.addressSpaceOf(root, kernel.asids()), program);
            return new Machine(kernel, List.of(program), spaces, console);
        } catch (ElfFormatException e) {
            throw new SessionException(SessionException.LAUNCH_FAILED, "not a RISC-V executable: " + e.getMessage());
        } catch (BootException e) {
            throw new SessionException(SessionException.LAUNCH_FAILED,
                    "cannot boot " + name + " as a root task: " + e.getMessage());
        }
    }

    private static Machine bootSystem(Kernel kernel, Path file, OutputBuffer console) {
        try {
            SystemDescription description = SystemParser.parse(file);
            Map<String, Tcb> threads = SystemLoader.load(kernel, description);
            List<Program> programs = new ArrayList<>();
            Map<AddressSpace, Program> spaces = new IdentityHashMap<>();
            for (SystemDescription.Program declared : description.programs()) {
                Path elfPath = declared.elf();
                Program program = new Program(declared.name(), elfPath.toAbsolutePath(), ElfFile.read(elfPath));
                programs.add(program);
                AddressSpace space = VmRoot.addressSpaceOf(threads.get(declared.name()), kernel.asids());
                if (space != null) {
                    spaces.put(space, program);
                }
            }
            return new Machine(kernel, programs, spaces, console);
        } catch (SystemDescriptionException e) {
            throw new SessionException(SessionException.LAUNCH_FAILED, e.getMessage());
        } catch (IOException | ElfFormatException e) {
            throw new SessionException(SessionException.LAUNCH_FAILED, file + ": " + e.getMessage());
        }
    }

    public Kernel kernel() {
        return kernel;
    }

    public List<Program> programs() {
        return programs;
    }

    /** Sends console text and kernel reports to output from now on (a client attached or left). */
    public void setOutput(MachineOutput output) {
        console.output = output;
    }

    /** Hands on any console text still buffered (the machine stopped, or a slice ended). */
    public void flushOutput() {
        console.flush();
    }

    /** Every thread, in creation order. */
    public List<Tcb> threads() {
        return kernel.objects().all(Tcb.class);
    }

    /** The thread with this object id. */
    public Tcb thread(long id) {
        if (kernel.objects().find(id) instanceof Tcb tcb) {
            return tcb;
        }
        throw new SessionException(SessionException.NO_THREAD, "no thread with id " + id);
    }

    /** The thread whose registers the hart holds: where a breakpoint stopped, what runs now; null when idle. */
    public Tcb currentThread() {
        Tcb current = kernel.scheduler().current();
        if (current != null && current.registers() == kernel.hart().registers()) {
            return current;
        }
        for (Tcb tcb : threads()) {
            if (tcb.registers() == kernel.hart().registers()) {
                return tcb;
            }
        }
        return null;
    }

    /** The thread's address space, or null when its VSpace is not valid. */
    public AddressSpace addressSpace(Tcb thread) {
        return VmRoot.addressSpaceOf(thread, kernel.asids());
    }

    /** Every address space a program image runs in: where code breakpoints go. */
    public Map<AddressSpace, Program> programSpaces() {
        return spaces;
    }

    /** The image the thread runs: its address space's, else the first. */
    public Program program(Tcb thread) {
        AddressSpace space = addressSpace(thread);
        Program program = space == null ? null : spaces.get(space);
        return program != null ? program : programs.get(0);
    }

    /** The source line of the breakpoint the thread stopped at, if it stopped at one. */
    public Optional<LineRow> breakpointLine(long thread) {
        return Optional.ofNullable(breakpointLines.get(thread));
    }

    /** Records the source line of the breakpoint the thread stopped at. */
    void setBreakpointLine(long thread, LineRow line) {
        breakpointLines.put(thread, line);
    }

    /** Forgets the breakpoint lines: the machine runs again. */
    void clearBreakpointLines() {
        breakpointLines.clear();
    }

    /** The program with this name, if the machine has one. */
    public Optional<Program> program(String name) {
        return programs.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /** The thread's name as a debugger shows it: seL4_DebugNameThread's, with its object id. */
    public static String threadName(Tcb tcb) {
        return tcb.name() + " (tcb " + tcb.id() + ")";
    }

    /** The guest console, held until a newline or a flush so that output events carry whole lines. */
    private static final class OutputBuffer implements Console {
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();
        private volatile MachineOutput output = MachineOutput.NONE;

        @Override
        public void guestByte(int b) {
            line.write(b);
            if (b == '\n') {
                flush();
            }
        }

        @Override
        public void kernelReport(String text) {
            flush();
            output.kernelReport(text);
        }

        void flush() {
            if (line.size() > 0) {
                String text = line.toString(StandardCharsets.UTF_8);
                line.reset();
                output.console(text);
            }
        }
    }
}
