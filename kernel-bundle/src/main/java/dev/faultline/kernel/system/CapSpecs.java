package dev.faultline.kernel.system;

import dev.faultline.kernel.interrupt.Interrupts;
import dev.faultline.kernel.system.SystemDescription.CapKind;
import dev.faultline.kernel.system.SystemDescription.CapSpec;

/**
 * The right-hand side of "cap NAME = ..." and "slot N = ...": empty; a declared object with
 * optional "rights RWGP" and "badge N"; "tcb", "cnode" or "vspace" of a program (or self); "irq N";
 * "irq_control", seL4's IRQControl (what the root task gets in seL4_CapIRQControl), for a driver
 * that issues its own handler with IRQControl_Get.
 */
final class CapSpecs {

    private CapSpecs() {
    }

    static CapSpec parse(Tokens tokens, SystemParser parser) throws SystemDescriptionException {
        String word = tokens.name("a cap: empty, an object's name, tcb/cnode/vspace PROGRAM, irq N or irq_control");
        CapSpec spec = switch (word) {
            case "empty" -> new CapSpec(CapKind.EMPTY, null, null, 0, 0);
            case "tcb" -> program(tokens, CapKind.TCB);
            case "cnode" -> program(tokens, CapKind.CNODE);
            case "vspace" -> program(tokens, CapKind.VSPACE);
            case "irq_control" -> new CapSpec(CapKind.IRQ_CONTROL, null, null, 0, 0);
            case "irq" -> {
                long irq = tokens.number("an interrupt number");
                if (irq < 1 || irq > Interrupts.MAX_IRQ) {
                    throw parser.error("expected an interrupt number between 1 and " + Interrupts.MAX_IRQ + ", found " + irq);
                }
                yield new CapSpec(CapKind.IRQ_HANDLER, null, null, 0, (int) irq);
            }
            default -> object(tokens, word, parser);
        };
        tokens.end();
        return spec;
    }

    private static CapSpec program(Tokens tokens, CapKind kind) throws SystemDescriptionException {
        return new CapSpec(kind, tokens.name("a program's name, or self"), null, 0, 0);
    }

    private static CapSpec object(Tokens tokens, String name, SystemParser parser) throws SystemDescriptionException {
        String rights = null;
        long badge = 0;
        while (!tokens.isEmpty()) {
            if (tokens.accept("rights")) {
                rights = tokens.word("rights as letters R, W, G, P").toUpperCase();
                if (!rights.matches("[RWGP]+|-")) {
                    throw parser.error("expected rights as the letters R (read), W (write), G (grant), P (grant reply),"
                            + " or '-', found '" + rights + "'");
                }
            } else if (tokens.accept("badge")) {
                badge = tokens.number("a badge");
                if (badge == 0) {
                    throw parser.error("a badge of 0 leaves the cap unbadged: leave 'badge' out instead");
                }
            } else {
                throw parser.error("expected 'rights' or 'badge' after the object's name, found '" + tokens.word("") + "'");
            }
        }
        return new CapSpec(CapKind.OBJECT, name, rights, badge, 0);
    }
}
