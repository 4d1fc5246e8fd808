package dev.faultline.emulator.disasm;

import static dev.faultline.emulator.disasm.Operand.csr;
import static dev.faultline.emulator.disasm.Operand.dec;
import static dev.faultline.emulator.disasm.Operand.hex;
import static dev.faultline.emulator.disasm.Operand.mem;
import static dev.faultline.emulator.disasm.Operand.reg;
import static dev.faultline.emulator.disasm.Operand.target;
import static dev.faultline.emulator.disasm.RegisterNames.RA;
import static dev.faultline.emulator.disasm.RegisterNames.ZERO;

import dev.faultline.emulator.isa.Instruction;
import java.util.Optional;

/**
 * The pseudoinstructions objdump prints by default for 32-bit instructions, after the RISC-V
 * assembly programmer's handbook's pseudoinstruction tables (nop, li, mv, not, neg, seqz, beqz, j,
 * ret, csrr, rdcycle...), plus objdump's own register-immediate spellings ("add rd,rs1,imm" for
 * addi, "sll rd,rs1,shamt" for slli) that its opcode table lists ahead of the real mnemonics.
 */
final class AliasForms {

    private static final int CYCLE = 0xc00;
    private static final int TIME = 0xc01;
    private static final int INSTRET = 0xc02;
    private static final int FENCE_IORW_IORW = 0x0ff0000f;
    private static final int UNIMP = 0xc0001073;

    private AliasForms() {
    }

    /** The alias objdump prefers, or empty when it prints the canonical form. */
    static Optional<InstructionText> of(Instruction insn, long pc) {
        int rd = insn.rd();
        int rs1 = insn.rs1();
        int rs2 = insn.rs2();
        long imm = insn.imm();
        return Optional.ofNullable(switch (insn.opcode()) {
            case ADDI -> addi(insn);
            case ADDIW -> imm == 0 ? InstructionText.of("sext.w", reg(rd), reg(rs1))
                    : CanonicalForms.withAddiProbe(InstructionText.of("addw", reg(rd), reg(rs1), dec(imm)), insn);
            case SLTIU -> imm == 1 ? InstructionText.of("seqz", reg(rd), reg(rs1)) : null;
            case XORI -> imm == -1 ? InstructionText.of("not", reg(rd), reg(rs1)) : registerForm("xor", insn);
            case ORI -> registerForm("or", insn);
            case ANDI -> imm == 255 ? InstructionText.of("zext.b", reg(rd), reg(rs1)) : registerForm("and", insn);
            case SLLI -> shift("sll", insn);
            case SRLI -> shift("srl", insn);
            case SRAI -> shift("sra", insn);
            case SLLIW -> shift("sllw", insn);
            case SRLIW -> shift("srlw", insn);
            case SRAIW -> shift("sraw", insn);
            case SUB -> rs1 == ZERO ? InstructionText.of("neg", reg(rd), reg(rs2)) : null;
            case SUBW -> rs1 == ZERO ? InstructionText.of("negw", reg(rd), reg(rs2)) : null;
            case SLT -> slt(insn);
            case SLTU -> rs1 == ZERO ? InstructionText.of("snez", reg(rd), reg(rs2)) : null;
            case BEQ, BNE, BLT, BGE -> BranchAliases.of(insn, pc);
            case JAL -> jal(insn, pc);
            case JALR -> jalr(insn);
            case CSRRW, CSRRS, CSRRC, CSRRWI, CSRRSI, CSRRCI -> csrAlias(insn);
            case FENCE -> insn.raw() == FENCE_IORW_IORW ? InstructionText.of("fence") : null;
            default -> null;
        });
    }

    private static InstructionText addi(Instruction insn) {
        int rd = insn.rd();
        int rs1 = insn.rs1();
        long imm = insn.imm();
        if (rd == ZERO && rs1 == ZERO && imm == 0) {
            return InstructionText.of("nop");
        }
        if (rs1 == ZERO) {
            return InstructionText.of("li", reg(rd), dec(imm));
        }
        if (imm == 0) {
            return InstructionText.of("mv", reg(rd), reg(rs1));
        }
        return CanonicalForms.withAddiProbe(InstructionText.of("add", reg(rd), reg(rs1), dec(imm)), insn);
    }

    private static InstructionText registerForm(String mnemonic, Instruction insn) {
        return InstructionText.of(mnemonic, reg(insn.rd()), reg(insn.rs1()), dec(insn.imm()));
    }

    private static InstructionText shift(String mnemonic, Instruction insn) {
        return InstructionText.of(mnemonic, reg(insn.rd()), reg(insn.rs1()), hex(insn.imm()));
    }

    private static InstructionText slt(Instruction insn) {
        if (insn.rs2() == ZERO) {
            return InstructionText.of("sltz", reg(insn.rd()), reg(insn.rs1()));
        }
        return insn.rs1() == ZERO ? InstructionText.of("sgtz", reg(insn.rd()), reg(insn.rs2())) : null;
    }

    private static InstructionText jal(Instruction insn, long pc) {
        if (insn.rd() == ZERO) {
            return InstructionText.of("j", target(pc + insn.imm()));
        }
        return insn.rd() == RA ? InstructionText.of("jal", target(pc + insn.imm())) : null;
    }

    /**
     * ret, jr and jalr, with the offset left out when it is zero. A base register written alone is
     * looked at once for an address, offset(base) three times, as in the canonical form.
     */
    private static InstructionText jalr(Instruction insn) {
        int rd = insn.rd();
        int rs1 = insn.rs1();
        long imm = insn.imm();
        if (rd == ZERO && rs1 == RA && imm == 0) {
            return InstructionText.of("ret");
        }
        if (rd != ZERO && rd != RA) {
            return imm == 0 ? InstructionText.of("jalr", reg(rd), reg(rs1)).probing(rs1, imm) : null;
        }
        String op = rd == ZERO ? "jr" : "jalr";
        if (imm == 0) {
            return InstructionText.of(op, reg(rs1)).probing(rs1, imm);
        }
        return InstructionText.of(op, mem(imm, rs1)).probing(rs1, imm).probing(rs1, imm).probing(rs1, imm);
    }

    private static InstructionText csrAlias(Instruction insn) {
        if (insn.raw() == UNIMP) {
            return null; // objdump lists unimp as a real instruction, ahead of the csrw alias
        }
        Operand source = reg(insn.rs1());
        return switch (insn.opcode()) {
            case CSRRW -> withoutDestination("csrw", insn, source);
            case CSRRS -> insn.rs1() == ZERO ? readCounter(insn) : withoutDestination("csrs", insn, source);
            case CSRRC -> withoutDestination("csrc", insn, source);
            case CSRRWI -> immediate("csrw", "csrrw", insn);
            case CSRRSI -> immediate("csrs", "csrrs", insn);
            case CSRRCI -> immediate("csrc", "csrrc", insn);
            default -> null;
        };
    }

    private static InstructionText withoutDestination(String mnemonic, Instruction insn, Operand source) {
        return insn.rd() == ZERO ? InstructionText.of(mnemonic, csr(insn.csr()), source) : null;
    }

    /** objdump spells the immediate CSR forms by their register-form names, with or without rd. */
    private static InstructionText immediate(String withoutRd, String withRd, Instruction insn) {
        Operand zimm = dec(insn.rs1());
        if (insn.rd() == ZERO) {
            return InstructionText.of(withoutRd, csr(insn.csr()), zimm);
        }
        return InstructionText.of(withRd, reg(insn.rd()), csr(insn.csr()), zimm);
    }

    private static InstructionText readCounter(Instruction insn) {
        return switch (insn.csr()) {
            case CYCLE -> InstructionText.of("rdcycle", reg(insn.rd()));
            case TIME -> InstructionText.of("rdtime", reg(insn.rd()));
            case INSTRET -> InstructionText.of("rdinstret", reg(insn.rd()));
            default -> InstructionText.of("csrr", reg(insn.rd()), csr(insn.csr()));
        };
    }
}
