package dev.faultline.emulator.translate;

import dev.faultline.emulator.isa.Instruction;
import dev.faultline.emulator.isa.Opcode;
import dev.faultline.emulator.jvm.Code;

/**
 * Emits the bytecode of a translated block, instruction by instruction, with the semantics of
 * the RISC-V unprivileged specification. Guest registers live in the long[] x (local 1); the
 * TLB arrays sit in locals 4..7; memory accesses and comparisons call {@link TlbAccess} and
 * {@link BlockOps}, which the JIT inlines. The code is straight-line: the one branch a block
 * may end with is computed as a value and returned as the next pc.
 */
final class BlockEmitter {

    static final int X = 1;
    static final int TLB = 2;
    static final int MEMORY = 3;
    static final int READ_TAG = 4;
    static final int READ_DATA = 5;
    static final int WRITE_TAG = 6;
    static final int WRITE_DATA = 7;
    static final int TARGET = 8;
    static final int MAX_LOCALS = 10;

    private static final String TLB_CLASS = "dev/faultline/emulator/memory/Tlb";
    private static final String ACCESS = "dev/faultline/emulator/translate/TlbAccess";
    private static final String OPS = "dev/faultline/emulator/translate/BlockOps";
    private static final String MEMORY_CLASS = "dev/faultline/emulator/translate/GuestMemory";
    private static final String MUL_DIV = "dev/faultline/emulator/isa/MulDiv";
    private static final String LOAD = "(J[J[[BLdev/faultline/emulator/translate/GuestMemory;J)J";
    private static final String STORE = "(JJ[J[[BLdev/faultline/emulator/translate/GuestMemory;J)V";
    private static final String BINARY = "(JJ)J";
    private static final String BRANCH = "(JJJJ)J";

    private final Code code;

    BlockEmitter(Code code) {
        this.code = code;
    }

    /** Loads the TLB's arrays into locals once, so each access reads a local. */
    void prologue() {
        field("readTag", "[J", READ_TAG);
        field("readData", "[[B", READ_DATA);
        field("writeTag", "[J", WRITE_TAG);
        field("writeData", "[[B", WRITE_DATA);
    }

    private void field(String name, String descriptor, int local) {
        code.aload(TLB).getfield(TLB_CLASS, name, descriptor).astore(local);
    }

    private void pushRegister(int r) {
        if (r == 0) {
            code.lconst(0);
        } else {
            code.aload(X).iconst(r).laload();
        }
    }

    /** Starts a register write: the array and index go under the value. */
    private void beginWrite(int rd) {
        code.aload(X).iconst(rd);
    }

    /** Emits one instruction that does not end the block. */
    void instruction(Instruction insn, long pc) {
        Opcode op = insn.opcode();
        int rd = insn.rd();
        switch (op) {
            case FENCE -> { }
            case SB, SH, SW, SD -> store(insn, pc);
            case LB, LBU, LH, LHU, LW, LWU, LD -> load(insn, pc, rd);
            case LR_W, LR_D, SC_W, SC_D -> reserved(insn, pc, rd);
            default -> {
                if (isAmo(op)) {
                    amo(insn, pc, rd);
                } else if (rd != 0) {
                    beginWrite(rd);
                    value(insn, pc);
                    code.lastore();
                }
            }
        }
    }

    /** Pushes the value an ALU, M-extension or upper-immediate instruction computes. */
    private void value(Instruction insn, long pc) {
        int rs1 = insn.rs1();
        int rs2 = insn.rs2();
        long imm = insn.imm();
        switch (insn.opcode()) {
            case LUI -> code.lconst(imm);
            case AUIPC -> code.lconst(pc + imm);
            case ADDI -> binaryImmediate(rs1, imm, Code::ladd);
            case XORI -> binaryImmediate(rs1, imm, Code::lxor);
            case ORI -> binaryImmediate(rs1, imm, Code::lor);
            case ANDI -> binaryImmediate(rs1, imm, Code::land);
            case SLTI -> { pushRegister(rs1); code.lconst(imm).invokestatic(OPS, "slt", BINARY); }
            case SLTIU -> { pushRegister(rs1); code.lconst(imm).invokestatic(OPS, "sltu", BINARY); }
            case SLLI -> { pushRegister(rs1); code.iconst((int) imm).lshl(); }
            case SRLI -> { pushRegister(rs1); code.iconst((int) imm).lushr(); }
            case SRAI -> { pushRegister(rs1); code.iconst((int) imm).lshr(); }
            case ADD -> binary(rs1, rs2, Code::ladd);
            case SUB -> binary(rs1, rs2, Code::lsub);
            case XOR -> binary(rs1, rs2, Code::lxor);
            case OR -> binary(rs1, rs2, Code::lor);
            case AND -> binary(rs1, rs2, Code::land);
            case SLT -> binary(rs1, rs2, c -> c.invokestatic(OPS, "slt", BINARY));
            case SLTU -> binary(rs1, rs2, c -> c.invokestatic(OPS, "sltu", BINARY));
            case SLL -> shift(rs1, rs2, Code::lshl);
            case SRL -> shift(rs1, rs2, Code::lushr);
            case SRA -> shift(rs1, rs2, Code::lshr);
            case ADDIW -> { binaryImmediate(rs1, imm, Code::ladd); code.l2i().i2l(); }
            case ADDW -> { binary(rs1, rs2, Code::ladd); code.l2i().i2l(); }
            case SUBW -> { binary(rs1, rs2, Code::lsub); code.l2i().i2l(); }
            case SLLIW -> { pushRegister(rs1); code.l2i().iconst((int) imm).ishl().i2l(); }
            case SRLIW -> { pushRegister(rs1); code.l2i().iconst((int) imm).iushr().i2l(); }
            case SRAIW -> { pushRegister(rs1); code.l2i().iconst((int) imm).ishr().i2l(); }
            case SLLW -> wordShift(rs1, rs2, Code::ishl);
            case SRLW -> wordShift(rs1, rs2, Code::iushr);
            case SRAW -> wordShift(rs1, rs2, Code::ishr);
            case MUL -> binary(rs1, rs2, Code::lmul);
            case MULW -> { binary(rs1, rs2, Code::lmul); code.l2i().i2l(); }
            case MULH -> binary(rs1, rs2, c -> c.invokestatic("java/lang/Math", "multiplyHigh", BINARY));
            case MULHU -> binary(rs1, rs2, c -> c.invokestatic("java/lang/Math", "unsignedMultiplyHigh", BINARY));
            case MULHSU, DIV, DIVU, REM, REMU, DIVW, DIVUW, REMW, REMUW ->
                    binary(rs1, rs2, c -> c.invokestatic(MUL_DIV, insn.opcode().name().toLowerCase(), BINARY));
            default -> throw new IllegalArgumentException(insn.opcode() + " is not translated as a value");
        }
    }

    private void binary(int rs1, int rs2, java.util.function.Consumer<Code> operation) {
        pushRegister(rs1);
        pushRegister(rs2);
        operation.accept(code);
    }

    private void binaryImmediate(int rs1, long imm, java.util.function.Consumer<Code> operation) {
        pushRegister(rs1);
        code.lconst(imm);
        operation.accept(code);
    }

    private void shift(int rs1, int rs2, java.util.function.Consumer<Code> operation) {
        pushRegister(rs1);
        pushRegister(rs2);
        code.l2i();
        operation.accept(code);
    }

    private void wordShift(int rs1, int rs2, java.util.function.Consumer<Code> operation) {
        pushRegister(rs1);
        code.l2i();
        pushRegister(rs2);
        code.l2i();
        operation.accept(code);
        code.i2l();
    }

    private void address(Instruction insn) {
        pushRegister(insn.rs1());
        if (insn.imm() != 0) {
            code.lconst(insn.imm()).ladd();
        }
    }

    private void load(Instruction insn, long pc, int rd) {
        if (rd != 0) {
            beginWrite(rd);
        }
        address(insn);
        code.aload(READ_TAG).aload(READ_DATA).aload(MEMORY).lconst(pc)
                .invokestatic(ACCESS, insn.opcode().name().toLowerCase(), LOAD);
        // A load into x0 still happens: it may trap.
        if (rd != 0) {
            code.lastore();
        } else {
            code.pop2();
        }
    }

    private void store(Instruction insn, long pc) {
        address(insn);
        pushRegister(insn.rs2());
        code.aload(WRITE_TAG).aload(WRITE_DATA).aload(MEMORY).lconst(pc)
                .invokestatic(ACCESS, insn.opcode().name().toLowerCase(), STORE);
    }

    private void reserved(Instruction insn, long pc, int rd) {
        if (rd != 0) {
            beginWrite(rd);
        }
        int size = insn.opcode() == Opcode.LR_W || insn.opcode() == Opcode.SC_W ? 4 : 8;
        code.aload(MEMORY);
        pushRegister(insn.rs1());
        code.iconst(size);
        if (insn.opcode() == Opcode.LR_W || insn.opcode() == Opcode.LR_D) {
            code.lconst(pc).invokeinterface(MEMORY_CLASS, "loadReserved", "(JIJ)J");
        } else {
            pushRegister(insn.rs2());
            code.lconst(pc).invokeinterface(MEMORY_CLASS, "storeConditional", "(JIJJ)J");
        }
        finishWrite(rd);
    }

    private void amo(Instruction insn, long pc, int rd) {
        if (rd != 0) {
            beginWrite(rd);
        }
        code.aload(MEMORY).getstatic("dev/faultline/emulator/isa/Opcode", insn.opcode().name(),
                "Ldev/faultline/emulator/isa/Opcode;");
        pushRegister(insn.rs1());
        pushRegister(insn.rs2());
        code.lconst(pc).invokeinterface(MEMORY_CLASS, "amo", "(Ldev/faultline/emulator/isa/Opcode;JJJ)J");
        finishWrite(rd);
    }

    private void finishWrite(int rd) {
        if (rd != 0) {
            code.lastore();
        } else {
            code.pop2();
        }
    }

    /** Ends the block: a jump, a branch, or falling through to next; answers the next pc. */
    void end(Instruction last, long pc, long next) {
        Opcode op = last.opcode();
        switch (op) {
            case JAL -> {
                link(last.rd(), next);
                code.lconst(pc + last.imm()).lreturn();
            }
            case JALR -> {
                // The target reads rs1 before the link is written: rd may equal rs1.
                pushRegister(last.rs1());
                code.lconst(last.imm()).ladd().lconst(~1L).land().lstore(TARGET);
                link(last.rd(), next);
                code.lload(TARGET).lreturn();
            }
            case BEQ, BNE, BLT, BGE, BLTU, BGEU -> {
                pushRegister(last.rs1());
                pushRegister(last.rs2());
                code.lconst(pc + last.imm()).lconst(next)
                        .invokestatic(OPS, op.name().toLowerCase(), BRANCH).lreturn();
            }
            default -> {
                instruction(last, pc);
                code.lconst(next).lreturn();
            }
        }
    }

    private void link(int rd, long value) {
        if (rd != 0) {
            beginWrite(rd);
            code.lconst(value).lastore();
        }
    }

    static boolean isAmo(Opcode op) {
        return op.name().startsWith("AMO");
    }

    static boolean endsBlock(Opcode op) {
        return switch (op) {
            case JAL, JALR, BEQ, BNE, BLT, BGE, BLTU, BGEU -> true;
            default -> false;
        };
    }

    /** Instructions left to the interpreter: they trap, read the clock or flush decoded code. */
    static boolean translatable(Opcode op) {
        return switch (op) {
            case ECALL, EBREAK, ILLEGAL, FENCE_I, CSRRW, CSRRS, CSRRC, CSRRWI, CSRRSI, CSRRCI -> false;
            default -> true;
        };
    }
}
