package dev.faultline.kernel.system;

import java.nio.file.Path;
import java.util.List;

/**
 * A system as a description declares it, in the shape of seL4's capDL: kernel objects, programs
 * (one thread each, with its own CNode and VSpace) with the caps in their CNodes' slots, and an
 * optional timer. Every element remembers its line for error messages.
 */
public record SystemDescription(Path file, List<ObjectDeclaration> objects, List<Program> programs, Timer timer) {

    /** The kinds of object a description declares at the top level. */
    public enum ObjectKind {
        ENDPOINT,
        NOTIFICATION,
        FRAME,
        UNTYPED
    }

    /** endpoint NAME, notification NAME, frame NAME [4k|2m], untyped NAME BITS. */
    public record ObjectDeclaration(String name, ObjectKind kind, int sizeBits, int line) {
    }

    /** program NAME "file" { ... }: one thread running an ELF in its own CSpace and VSpace. */
    public record Program(String name, Path elf, int priority, int cnodeBits, String faultHandler, List<Slot> slots,
            List<Mapping> mappings, int line) {
    }

    /** A filled CNode slot: its index, the cap, and the symbol bound to it (null for slot N = ...). */
    public record Slot(int index, CapSpec cap, String symbol, int line) {
    }

    /**
     * What a slot holds: empty; a cap to a declared object (rights and badge for endpoints and
     * notifications, rights for frames); or the thread, CNode or VSpace of a program; or an IRQ
     * handler; or IRQControl.
     */
    public record CapSpec(CapKind kind, String target, String rights, long badge, int irq) {
    }

    /** The kinds of cap a slot may hold. */
    public enum CapKind {
        EMPTY,
        OBJECT,
        TCB,
        CNODE,
        VSPACE,
        IRQ_HANDLER,
        IRQ_CONTROL
    }

    /** map FRAME ADDRESS RIGHTS: a frame object mapped into the program's VSpace. */
    public record Mapping(String frame, long address, String rights, int line) {
    }

    /** timer every N instructions irq I: a deterministic timer raising interrupt I every N retired instructions. */
    public record Timer(long period, int irq, int line) {
    }
}
