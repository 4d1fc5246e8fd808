package dev.faultline.kernel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import dev.faultline.emulator.elf.ElfFile;
import dev.faultline.emulator.elf.ElfFormatException;
import dev.faultline.emulator.elf.Symbol;
import dev.faultline.emulator.testing.Toolchain;
import dev.faultline.kernel.object.Tcb;
import dev.faultline.kernel.system.SystemDescription;
import dev.faultline.kernel.system.SystemDescriptionException;
import dev.faultline.kernel.system.SystemLoader;
import dev.faultline.kernel.system.SystemParser;

/**
 * Four threads that do nothing but enter the kernel (src/test/guest/random/loop.S), whose calls a
 * test writes into their registers. They share endpoints and notifications through caps of
 * different badges and rights; each has its own untyped and frame, its own and a neighbour's TCB
 * and CNode, an IRQ handler, and the shared endpoint as its fault handler. The constants name the
 * slots, the same in every program's CNode.
 */
public final class LoopSystem {

    public static final int FAULT_EP = 1;
    public static final int EP1 = 2;
    public static final int EP2_BADGED = 3;
    public static final int EP2_RECEIVE_ONLY = 4;
    public static final int NOTIFICATION1 = 5;
    public static final int NOTIFICATION2_BADGED = 6;
    public static final int UNTYPED = 7;
    public static final int FRAME = 8;
    public static final int SHARED_FRAME = 9;
    public static final int SELF_TCB = 10;
    public static final int SELF_CNODE = 11;
    public static final int SELF_VSPACE = 12;
    public static final int NEIGHBOUR_TCB = 13;
    public static final int NEIGHBOUR_CNODE = 14;
    public static final int IRQ_HANDLER = 15;
    public static final int CNODE_BITS = 5;
    public static final int PROGRAMS = 4;
    /** p2 has the highest priority: it runs first. */
    static final int[] PRIORITIES = {100, 100, 120, 90};

    private static SystemDescription description;
    private static Path elf;
    private static long loopPc;

    private LoopSystem() {
    }

    /** Boots the system on kernel; answers the threads by program name (p0..p3). */
    public static Map<String, Tcb> boot(Kernel kernel) {
        try {
            return SystemLoader.load(kernel, description());
        } catch (SystemDescriptionException e) {
            throw new AssertionError(e);
        }
    }

    /** The address of the threads' ecall. */
    public static synchronized long loopPc() {
        description();
        return loopPc;
    }

    /** The loop guest's ELF, linked at 0x10000. */
    static synchronized Path elf() {
        if (elf == null) {
            elf = guest();
        }
        return elf;
    }

    private static synchronized SystemDescription description() {
        if (description == null) {
            try {
                Path elf = elf();
                loopPc = ElfFile.read(elf).symbols().byName("_start").map(Symbol::value).orElseThrow();
                description = SystemParser.parse(write(elf));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (ElfFormatException | SystemDescriptionException e) {
                throw new AssertionError(e);
            }
        }
        return description;
    }

    private static Path guest() {
        Path source = Toolchain.repositoryRoot().resolve("kernel-bundle/src/test/guest/random/loop.S");
        return Toolchain.compile("random-loop", List.of("-march=rv64imac_zicsr_zifencei", "-mabi=lp64", "-nostdlib",
                "-static", "-Wl,-Ttext=0x10000", "-Wl,--no-relax"), List.of(source), List.of(source));
    }

    private static Path write(Path elf) throws IOException {
        StringBuilder text = new StringBuilder("""
                endpoint ep1
                endpoint ep2
                notification n1
                notification n2
                frame shared 4k
                timer every 3000 instructions irq 1
                """);
        for (int p = 0; p < PROGRAMS; p++) {
            int next = (p + 1) % PROGRAMS;
            text.append("untyped ut").append(p).append(" 16\nframe f").append(p).append(" 4k\n");
            text.append("program p").append(p).append(" \"").append(elf).append("\" {\n")
                    .append("    priority ").append(PRIORITIES[p]).append('\n')
                    .append("    cnode_bits ").append(CNODE_BITS).append('\n')
                    .append("    cap fault_ep = ep1 badge ").append(p + 1).append('\n')
                    .append("    fault_handler fault_ep\n");
            // Slots EP1..IRQ_HANDLER, in order.
            String[] caps = {"ep1", "ep2 badge 7 rights RWG", "ep2 rights R", "n1", "n2 badge 9", "ut" + p, "f" + p,
                "shared rights R", "tcb self", "cnode self", "vspace self", "tcb p" + next, "cnode p" + next,
                "irq " + (p + 1)};
            for (int i = 0; i < caps.length; i++) {
                text.append("    slot ").append(EP1 + i).append(" = ").append(caps[i]).append('\n');
            }
            text.append("    map shared 0x40000000 rw\n}\n");
        }
        Path file = Toolchain.buildDir().resolve("systems/loop.system");
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }
}
