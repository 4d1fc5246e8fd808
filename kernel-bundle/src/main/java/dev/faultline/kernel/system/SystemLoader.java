package dev.faultline.kernel.system;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.faultline.emulator.elf.ElfFile;
import dev.faultline.emulator.elf.ElfFormatException;
import dev.faultline.emulator.elf.Segment;
import dev.faultline.emulator.elf.Symbol;
import dev.faultline.emulator.memory.Permissions;
import dev.faultline.kernel.Kernel;
import dev.faultline.kernel.api.CapRights;
import dev.faultline.kernel.api.ObjectType;
import dev.faultline.kernel.arch.riscv64.VSpace;
import dev.faultline.kernel.boot.Loader;
import dev.faultline.kernel.interrupt.IrqState;
import dev.faultline.kernel.interrupt.TimerDevice;
import dev.faultline.kernel.boot.PhysicalAllocator;
import dev.faultline.kernel.object.Capability;
import dev.faultline.kernel.object.Capability.CNodeCap;
import dev.faultline.kernel.object.Capability.EndpointCap;
import dev.faultline.kernel.object.Capability.FrameCap;
import dev.faultline.kernel.object.Capability.IrqControlCap;
import dev.faultline.kernel.object.Capability.IrqHandlerCap;
import dev.faultline.kernel.object.Capability.NotificationCap;
import dev.faultline.kernel.object.Capability.TcbCap;
import dev.faultline.kernel.object.Frame;
import dev.faultline.kernel.object.PageTable;
import dev.faultline.kernel.object.Tcb;
import dev.faultline.kernel.system.SystemDescription.CapSpec;
import dev.faultline.kernel.system.SystemDescription.Mapping;
import dev.faultline.kernel.system.SystemDescription.ObjectDeclaration;
import dev.faultline.kernel.system.SystemDescription.Program;
import dev.faultline.kernel.system.SystemDescription.Slot;

/**
 * Builds a described system into a kernel, as seL4's capDL loader does: the objects, then each
 * program's VSpace, image, CNode and thread, then the caps in the slots (binding each named slot
 * by writing its number into the program's variable of that name), then starts the threads in
 * the order they are declared.
 */
public final class SystemLoader {

    /** The SDK's variables a loader fills: the IPC buffer's address and the thread's own TCB slot. */
    public static final String IPC_BUFFER_SYMBOL = "__sel4_ipc_buffer";
    public static final String EXIT_TCB_SYMBOL = "__sel4_exit_tcb";

    private final Kernel kernel;
    private final SystemDescription description;
    private final String file;
    private final Loader loader;
    private final Map<String, Capability> objects = new HashMap<>();
    private final Map<String, Built> programs = new LinkedHashMap<>();

    /** A program once built: its image, VSpace, CNode and thread. */
    private record Built(Program program, ElfFile elf, PageTable vspace, CNodeCap cnode, Tcb tcb) {
    }

    private SystemLoader(Kernel kernel, SystemDescription description) {
        this.kernel = kernel;
        this.description = description;
        this.file = description.file().getFileName().toString();
        long base = kernel.config().memoryBase();
        this.loader = new Loader(kernel, new PhysicalAllocator(base, base + kernel.config().memoryBytes()));
    }

    /** Builds description into kernel (which must be fresh) and starts its threads; answers them by program name. */
    public static Map<String, Tcb> load(Kernel kernel, SystemDescription description) throws SystemDescriptionException {
        SystemLoader loader = new SystemLoader(kernel, description);
        loader.makeObjects();
        for (Program program : description.programs()) {
            loader.build(program);
        }
        for (Built built : loader.programs.values()) {
            loader.fill(built);
        }
        if (description.timer() != null) {
            kernel.interrupts().addTimer(new TimerDevice(description.timer().period(), description.timer().irq(),
                    kernel.now()));
        }
        Map<String, Tcb> threads = new LinkedHashMap<>();
        for (Built built : loader.programs.values()) {
            loader.loader.start(built.tcb());
            threads.put(built.program().name(), built.tcb());
        }
        return threads;
    }

    private void makeObjects() {
        for (ObjectDeclaration object : description.objects()) {
            Capability cap = switch (object.kind()) {
                case ENDPOINT -> loader.newObject(ObjectType.ENDPOINT, 0);
                case NOTIFICATION -> loader.newObject(ObjectType.NOTIFICATION, 0);
                case FRAME -> loader.newObject(object.sizeBits() == 21 ? ObjectType.MEGA_PAGE : ObjectType.SMALL_PAGE, 0);
                case UNTYPED -> loader.newObject(ObjectType.UNTYPED, object.sizeBits());
            };
            objects.put(object.name(), cap);
        }
    }

    private void build(Program program) throws SystemDescriptionException {
        ElfFile elf;
        try {
            elf = ElfFile.read(program.elf());
        } catch (NoSuchFileException e) {
            throw new SystemDescriptionException(file, program.line(), "program " + program.name() + ": no such file "
                    + program.elf());
        } catch (IOException | ElfFormatException e) {
            throw new SystemDescriptionException(file, program.line(), "program " + program.name() + ": "
                    + e.getMessage());
        }
        PageTable vspace = loader.newVSpace();
        long imageEnd = imageEnd(elf, program);
        loader.loadElf(vspace, elf);
        CNodeCap cnode = loader.newCNode(program.cnodeBits());
        Tcb tcb = loader.newThread(new Loader.ThreadStart(program.name(), program.priority(), elf.entry(), 0), cnode, vspace,
                imageEnd);
        bind(program, elf, vspace, IPC_BUFFER_SYMBOL, imageEnd, false);
        for (Mapping mapping : program.mappings()) {
            map(program, vspace, mapping);
        }
        programs.put(program.name(), new Built(program, elf, vspace, cnode, tcb));
    }

    private long imageEnd(ElfFile elf, Program program) throws SystemDescriptionException {
        long end = 0;
        for (Segment segment : elf.loadSegments()) {
            end = Math.max(end, (segment.virtualAddress() + segment.memorySize() + 0xfff) & ~0xfffL);
        }
        if (end == 0 || end + 4096 > VSpace.USER_TOP) {
            throw new SystemDescriptionException(file, program.line(), "program " + program.name()
                    + ": expected an image below seL4_UserTop with room for its IPC buffer after it");
        }
        return end;
    }

    private void map(Program program, PageTable vspace, Mapping mapping) throws SystemDescriptionException {
        Frame frame = ((FrameCap) objects.get(mapping.frame())).frame();
        for (long offset = 0; offset < 1L << frame.sizeBits(); offset += 4096) {
            if (vspace.addressSpace().page(mapping.address() + offset) != null) {
                throw new SystemDescriptionException(file, mapping.line(), String.format("program %s: 0x%x is already"
                        + " mapped (by its image, its IPC buffer or another map)", program.name(), mapping.address() + offset));
            }
        }
        try {
            loader.mapFrame(vspace, mapping.address(), frame, Permissions.parse(mapping.rights()));
        } catch (IllegalStateException e) {
            throw new SystemDescriptionException(file, mapping.line(), "program " + program.name() + ": "
                    + e.getMessage() + " by a smaller page");
        }
    }

    private void fill(Built built) throws SystemDescriptionException {
        Program program = built.program();
        for (Slot slot : program.slots()) {
            Capability cap = cap(built, slot.cap());
            if (!cap.isNull()) {
                loader.place(built.cnode().cnode(), slot.index(), cap);
            }
            if (slot.symbol() != null) {
                bind(program, built.elf(), built.vspace(), slot.symbol(), slot.index(), true);
            }
            if (slot.cap().kind() == SystemDescription.CapKind.TCB && isSelf(program, slot.cap())) {
                bind(program, built.elf(), built.vspace(), EXIT_TCB_SYMBOL, slot.index(), false);
            }
        }
        if (program.faultHandler() != null) {
            built.tcb().setFaultHandler(program.slots().stream().filter(s -> program.faultHandler().equals(s.symbol()))
                    .findFirst().orElseThrow().index());
        }
    }

    private static boolean isSelf(Program program, CapSpec spec) {
        return spec.target().equals("self") || spec.target().equals(program.name());
    }

    private Capability cap(Built built, CapSpec spec) {
        Built target = spec.target() == null ? null : programs.get(isSelf(built.program(), spec) ? built.program().name()
                : spec.target());
        return switch (spec.kind()) {
            case EMPTY -> Capability.NULL;
            case TCB -> new TcbCap(target.tcb());
            case CNODE -> target.cnode();
            case VSPACE -> Loader.vspaceCap(target.vspace());
            case IRQ_HANDLER -> {
                // As IRQControl_Get would: the line now has a handler (and is unmasked).
                kernel.interrupts().setState(spec.irq(), IrqState.SIGNAL);
                yield new IrqHandlerCap(spec.irq());
            }
            case IRQ_CONTROL -> new IrqControlCap();
            case OBJECT -> withRightsAndBadge(objects.get(spec.target()), spec);
        };
    }

    private static Capability withRightsAndBadge(Capability original, CapSpec spec) {
        CapRights rights = spec.rights() == null ? null : rights(spec.rights());
        return switch (original) {
            case EndpointCap e -> new EndpointCap(e.endpoint(), spec.badge(), rights == null ? e.rights() : rights);
            case NotificationCap n -> new NotificationCap(n.notification(), spec.badge(), rights == null ? n.rights() : rights);
            case FrameCap f -> new FrameCap(f.frame(), rights == null ? f.rights() : rights, 0, 0);
            default -> original;
        };
    }

    private static CapRights rights(String letters) {
        int bits = 0;
        for (char c : letters.toCharArray()) {
            bits |= switch (c) {
                case 'W' -> 1;
                case 'R' -> 2;
                case 'G' -> 4;
                case 'P' -> 8;
                default -> 0;
            };
        }
        return new CapRights(bits);
    }

    /** Writes value into the program's 8-byte variable symbol; a required one that is missing is an error. */
    private void bind(Program program, ElfFile elf, PageTable vspace, String symbol, long value, boolean required)
            throws SystemDescriptionException {
        Symbol found = elf.symbols().byName(symbol).filter(Symbol::isDefined).orElse(null);
        if (found == null) {
            if (required) {
                throw new SystemDescriptionException(file, lineOf(program, symbol), "program " + program.name()
                        + " has no variable '" + symbol + "' to bind: declare 'seL4_CPtr " + symbol + ";' in it, or fill"
                        + " the slot with 'slot N = ...' instead");
            }
            return;
        }
        if (found.size() != 8) {
            throw new SystemDescriptionException(file, lineOf(program, symbol), "program " + program.name() + ": '"
                    + symbol + "' is " + found.size() + " bytes, expected an 8-byte seL4_CPtr");
        }
        byte[] bytes = new byte[8];
        for (int i = 0; i < 8; i++) {
            bytes[i] = (byte) (value >>> (8 * i));
        }
        vspace.addressSpace().write(found.value(), bytes, 0, 8);
    }

    private static int lineOf(Program program, String symbol) {
        return program.slots().stream().filter(s -> symbol.equals(s.symbol())).mapToInt(Slot::line).findFirst()
                .orElse(program.line());
    }
}
