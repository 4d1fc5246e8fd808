package dev.faultline.emulator.disasm;

import static dev.faultline.emulator.disasm.Operand.csr;
import static dev.faultline.emulator.disasm.Operand.dec;
import static dev.faultline.emulator.disasm.Operand.hex;
import static dev.faultline.emulator.disasm.Operand.indirect;
import static dev.faultline.emulator.disasm.Operand.mem;
import static dev.faultline.emulator.disasm.Operand.reg;
import static dev.faultline.emulator.disasm.Operand.target;
import static dev.faultline.emulator.disasm.Operand.word;

import dev.faultline.emulator.isa.Fields;
import dev.faultline.emulator.isa.Instruction;
import dev.faultline.emulator.isa.Opcode;
import java.util.Optional;

/**
 * The canonical assembly of a 32-bit instruction (objdump's "-M no-aliases"), with the operand
 * order of the RISC-V unprivileged specification's assembly listings: "op rd,rs1,rs2",
 * "op rd,offset(rs1)", "op rs2,offset(rs1)", "op rd,csr,rs1", "amo rd,rs2,(rs1)".
 */
final class CanonicalForms {

    /** objdump's names for FENCE's four-bit I, O, R, W sets; it prints an empty set as "unknown". */
    private static final String[] FENCE_SETS = {
        "unknown", "w", "r", "rw", "o", "ow", "or", "orw", "i", "iw", "ir", "irw", "io", "iow", "ior", "iorw",
    };
    private static final int FENCE_TSO = 0x8330000f;
    /** "csrrw x0, cycle, x0", the assembler's unimp; objdump names it so even without aliases. */
    private static final int UNIMP = 0xc0001073;
    private static final int FM_RS1_RD = 0xf00f8f80;
    private static final int AMO_MAJOR_OPCODE = 0x2f;

    private CanonicalForms() {
    }

    /** The text, or empty when objdump does not list the encoding (it then prints a .4byte). */
    static Optional<InstructionText> of(Instruction insn, long pc) {
        String op = insn.opcode().mnemonic();
        int rd = insn.rd();
        int rs1 = insn.rs1();
        long imm = insn.imm();
        return Optional.ofNullable(switch (insn.encoding().format()) {
            case R -> isAtomic(insn) ? atomic(insn) : InstructionText.of(op, reg(rd), reg(rs1), reg(insn.rs2()));
            case I -> immediate(insn);
            case I_SHIFT -> InstructionText.of(op, reg(rd), reg(rs1), hex(imm));
            case I_CSR -> insn.raw() == UNIMP ? InstructionText.of("unimp")
                    : InstructionText.of(op, reg(rd), csr(insn.csr()), isCsrImmediate(insn) ? dec(rs1) : reg(rs1));
            case S -> InstructionText.of(op, reg(insn.rs2()), mem(imm, rs1)).probing(rs1, imm);
            case B -> InstructionText.of(op, reg(rs1), reg(insn.rs2()), target(pc + imm));
            case U -> InstructionText.of(op, reg(rd), hex(upper20(imm)));
            case J -> InstructionText.of(op, reg(rd), target(pc + imm));
            case FENCE -> fence(insn);
            case NONE -> exactWord(insn);
            default -> throw new IllegalArgumentException(insn + " is not a 32-bit instruction");
        });
    }

    /** The 20-bit value a U-type instruction prints, which is the immediate before its shift. */
    static long upper20(long imm) {
        return (imm >>> 12) & 0xfffff;
    }

    private static InstructionText immediate(Instruction insn) {
        String op = insn.opcode().mnemonic();
        int rd = insn.rd();
        int rs1 = insn.rs1();
        long imm = insn.imm();
        return switch (insn.opcode()) {
            case LB, LH, LW, LD, LBU, LHU, LWU -> InstructionText.of(op, reg(rd), mem(imm, rs1)).probing(rs1, imm);
            // objdump probes jalr's address once for each of the three ways it looks at the operand.
            case JALR -> InstructionText.of(op, reg(rd), mem(imm, rs1))
                    .probing(rs1, imm).probing(rs1, imm).probing(rs1, imm);
            case ADDI -> withAddiProbe(InstructionText.of(op, reg(rd), reg(rs1), dec(imm)), insn);
            case ADDIW -> withAddiProbe(InstructionText.of(op, reg(rd), reg(rs1), dec(imm)), insn);
            default -> InstructionText.of(op, reg(rd), reg(rs1), dec(imm));
        };
    }

    /**
     * objdump treats "addi rd,rs1,imm" (rs1 not x0) as the low half of an address when it prints the
     * immediate, and "addiw" likewise as a 32-bit address.
     */
    static InstructionText withAddiProbe(InstructionText text, Instruction insn) {
        if (insn.rs1() == RegisterNames.ZERO) {
            return text;
        }
        if (insn.opcode() == Opcode.ADDIW) {
            return text.probingWord(insn.rs1(), insn.imm());
        }
        return text.probing(insn.rs1(), insn.imm());
    }

    private static InstructionText atomic(Instruction insn) {
        String op = insn.opcode().mnemonic() + orderingSuffix(insn);
        if (insn.opcode() == Opcode.LR_W || insn.opcode() == Opcode.LR_D) {
            return InstructionText.of(op, reg(insn.rd()), indirect(insn.rs1()));
        }
        return InstructionText.of(op, reg(insn.rd()), reg(insn.rs2()), indirect(insn.rs1()));
    }

    private static String orderingSuffix(Instruction insn) {
        if (insn.aq() && insn.rl()) {
            return ".aqrl";
        }
        return insn.aq() ? ".aq" : insn.rl() ? ".rl" : "";
    }

    /**
     * objdump lists FENCE only with fm, rd and rs1 zero, and FENCE.TSO only as its exact word; the
     * other code points, which the specification reserves for future fences and base
     * implementations execute as fences, print as data.
     */
    private static InstructionText fence(Instruction insn) {
        if (insn.raw() == FENCE_TSO) {
            return InstructionText.of("fence.tso");
        }
        if ((insn.raw() & FM_RS1_RD) != 0) {
            return null;
        }
        return InstructionText.of("fence", word(FENCE_SETS[insn.pred()]), word(FENCE_SETS[insn.succ()]));
    }

    /** ECALL, EBREAK and FENCE.I print only as their exact words (reserved fields zero). */
    private static InstructionText exactWord(Instruction insn) {
        boolean exact = insn.raw() == insn.encoding().match();
        return exact ? InstructionText.of(insn.opcode().mnemonic()) : null;
    }

    private static boolean isAtomic(Instruction insn) {
        return Fields.opcode(insn.raw()) == AMO_MAJOR_OPCODE;
    }

    private static boolean isCsrImmediate(Instruction insn) {
        return insn.opcode() == Opcode.CSRRWI || insn.opcode() == Opcode.CSRRSI || insn.opcode() == Opcode.CSRRCI;
    }
}
