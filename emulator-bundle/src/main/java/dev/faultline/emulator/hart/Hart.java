package dev.faultline.emulator.hart;

import static dev.faultline.emulator.hart.Slot.imm;
import static dev.faultline.emulator.hart.Slot.length;
import static dev.faultline.emulator.hart.Slot.rd;
import static dev.faultline.emulator.hart.Slot.rs1;
import static dev.faultline.emulator.hart.Slot.rs2;

import dev.faultline.emulator.debug.WatchTiming;
import dev.faultline.emulator.debug.WatchpointHit;
import dev.faultline.emulator.isa.MulDiv;
import dev.faultline.emulator.memory.Access;
import dev.faultline.emulator.memory.AddressSpace;
import dev.faultline.emulator.memory.Frame;
import dev.faultline.emulator.memory.Page;
import dev.faultline.emulator.memory.Tlb;
import dev.faultline.emulator.trap.Trap;
import dev.faultline.emulator.trap.TrapCause;
import dev.faultline.emulator.translate.Block;
import dev.faultline.emulator.translate.BlockTranslator;
import dev.faultline.emulator.translate.TlbAccess;

/**
 * One RV64IMAC user-mode hart with Zicsr counters and Zifencei (RISC-V unprivileged
 * specification). It runs on a register file and an address space that its caller attaches,
 * and returns when an instruction traps, a debug hook fires or the instruction budget ends:
 * a trap is handed back as a value, never taken through a vector. Time is the retired-
 * instruction count, which cycle, time and instret all read.
 */
public final class Hart {

    private static final int OFFSET_MASK = Frame.SIZE - 1;
    private static final int HEAT_SLOTS = 1 << 14;
    /** Visits to a block entry before it is translated. */
    public static final int DEFAULT_TRANSLATION_THRESHOLD = 50;
    /** Translations a hart makes at most, which bounds the memory translated code takes. */
    public static final int MAX_TRANSLATIONS = 1 << 16;

    private Registers registers = new Registers();
    private final HartMemory memory = new HartMemory();
    private final Decoding decoding = new Decoding(memory);
    private final BlockTranslator translator = new BlockTranslator();
    /** Visits to block entries, by a hash of their pc; a count reaching the threshold translates the block. */
    private final short[] heat = new short[HEAT_SLOTS];
    private int translationThreshold = DEFAULT_TRANSLATION_THRESHOLD;
    private int translations;
    private long instret;

    public Hart(AddressSpace space) {
        memory.space = space;
    }

    /** Runs on another thread's registers and address space from now on (a context switch). */
    public void attach(Registers registers, AddressSpace space) {
        this.registers = registers;
        memory.space = space;
        memory.clearReservation();
    }

    public Registers registers() {
        return registers;
    }

    public AddressSpace addressSpace() {
        return memory.space;
    }

    /** Instructions retired since the machine started: the machine's clock. */
    public long instret() {
        return instret;
    }

    /**
     * Lets time pass with no instruction of a thread retiring, as an idle loop spins: the
     * counters advance by instructions, so the machine's clock stays one deterministic count.
     */
    public void idle(long instructions) {
        if (instructions < 0) {
            throw new IllegalArgumentException("time cannot go back: " + instructions);
        }
        instret += instructions;
    }

    /** How the last run ended in a trap (valid after {@link StopReason#TRAP}). */
    public Trap trap() {
        return memory.trap;
    }

    /** Which watchpoint ended the last run (valid after {@link StopReason#WATCHPOINT}). */
    public WatchpointHit watchpointHit() {
        return memory.watchpointHit;
    }

    /**
     * How many visits to a block entry make the hart translate that block into JVM code; 0 keeps
     * it interpreting. Both ways execute alike; translation is faster once the code is hot.
     */
    public void setTranslationThreshold(int visits) {
        if (visits < 0 || visits > Short.MAX_VALUE) {
            throw new IllegalArgumentException("translation threshold " + visits + ": expected 0 (never) to " + Short.MAX_VALUE);
        }
        translationThreshold = visits;
    }

    /** How many blocks this hart has translated. */
    public int translations() {
        return translations;
    }

    /** Forgets any LR reservation, as a kernel does when it switches threads or returns from a trap. */
    public void clearReservation() {
        memory.clearReservation();
    }

    /** Executes one instruction, unless it traps or a hook stops it first. */
    public StopReason step() {
        StopReason reason = run(1);
        return reason == StopReason.BUDGET ? StopReason.STEP : reason;
    }

    /**
     * Executes up to budget instructions. A breakpoint stops before its instruction; running
     * again from that pc executes the instruction once instead of stopping again.
     */
    public StopReason run(long budget) {
        Registers regs = registers;
        long resumeBreakpoint = regs.stoppedAtBreakpoint;
        regs.stoppedAtBreakpoint = -1;
        try {
            return loop(budget, regs, resumeBreakpoint);
        } catch (Stop stop) {
            return stop == Stop.TRAP ? StopReason.TRAP : afterWatchpoint(regs);
        }
    }

    /** A watchpoint stopped an instruction before its access; AFTER watchpoints complete it first. */
    private StopReason afterWatchpoint(Registers regs) {
        WatchpointHit hit = memory.watchpointHit;
        if (hit.watchpoint().timing() == WatchTiming.BEFORE) {
            return StopReason.WATCHPOINT;
        }
        memory.watchpointsSuppressed = true;
        try {
            StopReason reason = loop(1, regs, regs.pc);
            memory.watchpointHit = hit;
            return reason == StopReason.BUDGET ? StopReason.WATCHPOINT : reason;
        } catch (Stop stop) {
            return StopReason.TRAP;
        } finally {
            memory.watchpointsSuppressed = false;
        }
    }

    // The interpreter. Each case advances pc only after its last access, so an access that
    // traps (a Stop thrown from the slow path) leaves the instruction undone with pc at it.
    private StopReason loop(long budget, Registers regs, long resumeBreakpoint) {
        final long[] x = regs.x;
        final Tlb tlb = memory.space.tlb();
        final long[] rTag = tlb.readTag;
        final byte[][] rData = tlb.readData;
        final long[] wTag = tlb.writeTag;
        final byte[][] wData = tlb.writeData;
        long pc = regs.pc;
        long done = 0;
        long codeBase = 0; // with code null, the first fetch looks the page up
        long[] code = null;
        Page codePage = null;
        try {
            while (done < budget) {
                long offset = pc - codeBase;
                if ((offset & ~OFFSET_MASK) != 0 || code == null) {
                    codePage = fetchPage(pc, tlb);
                    code = codePage.code();
                    codeBase = pc & ~OFFSET_MASK;
                    offset = pc - codeBase;
                }
                int slot = (int) offset >>> 1;
                long d = code[slot];
                // One unsigned compare catches the rare slots: not decoded yet (0), hooked, straddling.
                if ((((int) d - 1) & 0xff) >= Op.ILLEGAL) {
                    if (((int) d & 0xff) == Op.BLOCK) {
                        Block block = (Block) codePage.translation(slot);
                        if (budget - done >= block.length()) {
                            try {
                                pc = block.run(x, tlb, memory);
                            } catch (Stop stop) {
                                long at = stop == Stop.TRAP ? memory.trap.pc() : memory.watchpointHit.pc();
                                done += block.retiredBefore(at);
                                pc = at;
                                throw stop;
                            }
                            done += block.length();
                            arrived(pc);
                            continue;
                        }
                        d = block.entryInstruction();
                    } else {
                        d = special(codePage, code, slot, pc, done == 0 ? resumeBreakpoint : -1, regs);
                        if (d == 0) {
                            regs.stoppedAtBreakpoint = pc;
                            return StopReason.BREAKPOINT;
                        }
                    }
                }
                {
                    switch ((int) d & 0xff) {
                        case Op.LUI -> {
                            x[rd(d)] = imm(d);
                            pc += length(d);
                        }
                        case Op.AUIPC -> {
                            x[rd(d)] = pc + imm(d);
                            pc += length(d);
                        }
                        case Op.JAL -> {
                            x[rd(d)] = pc + length(d);
                            pc += imm(d);
                            arrived(pc);
                        }
                        case Op.JALR -> {
                            long target = (x[rs1(d)] + imm(d)) & ~1L;
                            x[rd(d)] = pc + length(d);
                            pc = target;
                            arrived(pc);
                        }
                        case Op.BEQ -> arrived(pc += x[rs1(d)] == x[rs2(d)] ? imm(d) : length(d));
                        case Op.BNE -> arrived(pc += x[rs1(d)] != x[rs2(d)] ? imm(d) : length(d));
                        case Op.BLT -> arrived(pc += x[rs1(d)] < x[rs2(d)] ? imm(d) : length(d));
                        case Op.BGE -> arrived(pc += x[rs1(d)] >= x[rs2(d)] ? imm(d) : length(d));
                        case Op.BLTU -> arrived(pc += Long.compareUnsigned(x[rs1(d)], x[rs2(d)]) < 0 ? imm(d) : length(d));
                        case Op.BGEU -> arrived(pc += Long.compareUnsigned(x[rs1(d)], x[rs2(d)]) >= 0 ? imm(d) : length(d));
                        case Op.LB -> {
                            x[rd(d)] = TlbAccess.lb(x[rs1(d)] + imm(d), rTag, rData, memory, pc);
                            pc += length(d);
                        }
                        case Op.LBU -> {
                            x[rd(d)] = TlbAccess.lbu(x[rs1(d)] + imm(d), rTag, rData, memory, pc);
                            pc += length(d);
                        }
                        case Op.LH -> {
                            x[rd(d)] = TlbAccess.lh(x[rs1(d)] + imm(d), rTag, rData, memory, pc);
                            pc += length(d);
                        }
                        case Op.LHU -> {
                            x[rd(d)] = TlbAccess.lhu(x[rs1(d)] + imm(d), rTag, rData, memory, pc);
                            pc += length(d);
                        }
                        case Op.LW -> {
                            x[rd(d)] = TlbAccess.lw(x[rs1(d)] + imm(d), rTag, rData, memory, pc);
                            pc += length(d);
                        }
                        case Op.LWU -> {
                            x[rd(d)] = TlbAccess.lwu(x[rs1(d)] + imm(d), rTag, rData, memory, pc);
                            pc += length(d);
                        }
                        case Op.LD -> {
                            x[rd(d)] = TlbAccess.ld(x[rs1(d)] + imm(d), rTag, rData, memory, pc);
                            pc += length(d);
                        }
                        case Op.SB -> {
                            TlbAccess.sb(x[rs1(d)] + imm(d), x[rs2(d)], wTag, wData, memory, pc);
                            pc += length(d);
                        }
                        case Op.SH -> {
                            TlbAccess.sh(x[rs1(d)] + imm(d), x[rs2(d)], wTag, wData, memory, pc);
                            pc += length(d);
                        }
                        case Op.SW -> {
                            TlbAccess.sw(x[rs1(d)] + imm(d), x[rs2(d)], wTag, wData, memory, pc);
                            pc += length(d);
                        }
                        case Op.SD -> {
                            TlbAccess.sd(x[rs1(d)] + imm(d), x[rs2(d)], wTag, wData, memory, pc);
                            pc += length(d);
                        }
                        case Op.ADDI -> {
                            x[rd(d)] = x[rs1(d)] + imm(d);
                            pc += length(d);
                        }
                        case Op.SLTI -> {
                            x[rd(d)] = x[rs1(d)] < imm(d) ? 1 : 0;
                            pc += length(d);
                        }
                        case Op.SLTIU -> {
                            x[rd(d)] = Long.compareUnsigned(x[rs1(d)], imm(d)) < 0 ? 1 : 0;
                            pc += length(d);
                        }
                        case Op.XORI -> {
                            x[rd(d)] = x[rs1(d)] ^ imm(d);
                            pc += length(d);
                        }
                        case Op.ORI -> {
                            x[rd(d)] = x[rs1(d)] | imm(d);
                            pc += length(d);
                        }
                        case Op.ANDI -> {
                            x[rd(d)] = x[rs1(d)] & imm(d);
                            pc += length(d);
                        }
                        case Op.SLLI -> {
                            x[rd(d)] = x[rs1(d)] << imm(d);
                            pc += length(d);
                        }
                        case Op.SRLI -> {
                            x[rd(d)] = x[rs1(d)] >>> imm(d);
                            pc += length(d);
                        }
                        case Op.SRAI -> {
                            x[rd(d)] = x[rs1(d)] >> imm(d);
                            pc += length(d);
                        }
                        case Op.ADD -> {
                            x[rd(d)] = x[rs1(d)] + x[rs2(d)];
                            pc += length(d);
                        }
                        case Op.SUB -> {
                            x[rd(d)] = x[rs1(d)] - x[rs2(d)];
                            pc += length(d);
                        }
                        case Op.SLL -> {
                            x[rd(d)] = x[rs1(d)] << x[rs2(d)];
                            pc += length(d);
                        }
                        case Op.SLT -> {
                            x[rd(d)] = x[rs1(d)] < x[rs2(d)] ? 1 : 0;
                            pc += length(d);
                        }
                        case Op.SLTU -> {
                            x[rd(d)] = Long.compareUnsigned(x[rs1(d)], x[rs2(d)]) < 0 ? 1 : 0;
                            pc += length(d);
                        }
                        case Op.XOR -> {
                            x[rd(d)] = x[rs1(d)] ^ x[rs2(d)];
                            pc += length(d);
                        }
                        case Op.SRL -> {
                            x[rd(d)] = x[rs1(d)] >>> x[rs2(d)];
                            pc += length(d);
                        }
                        case Op.SRA -> {
                            x[rd(d)] = x[rs1(d)] >> x[rs2(d)];
                            pc += length(d);
                        }
                        case Op.OR -> {
                            x[rd(d)] = x[rs1(d)] | x[rs2(d)];
                            pc += length(d);
                        }
                        case Op.AND -> {
                            x[rd(d)] = x[rs1(d)] & x[rs2(d)];
                            pc += length(d);
                        }
                        case Op.ADDIW -> {
                            x[rd(d)] = (int) (x[rs1(d)] + imm(d));
                            pc += length(d);
                        }
                        case Op.SLLIW -> {
                            x[rd(d)] = (int) x[rs1(d)] << imm(d);
                            pc += length(d);
                        }
                        case Op.SRLIW -> {
                            x[rd(d)] = (int) x[rs1(d)] >>> imm(d);
                            pc += length(d);
                        }
                        case Op.SRAIW -> {
                            x[rd(d)] = (int) x[rs1(d)] >> imm(d);
                            pc += length(d);
                        }
                        case Op.ADDW -> {
                            x[rd(d)] = (int) (x[rs1(d)] + x[rs2(d)]);
                            pc += length(d);
                        }
                        case Op.SUBW -> {
                            x[rd(d)] = (int) (x[rs1(d)] - x[rs2(d)]);
                            pc += length(d);
                        }
                        case Op.SLLW -> {
                            x[rd(d)] = (int) x[rs1(d)] << x[rs2(d)];
                            pc += length(d);
                        }
                        case Op.SRLW -> {
                            x[rd(d)] = (int) x[rs1(d)] >>> x[rs2(d)];
                            pc += length(d);
                        }
                        case Op.SRAW -> {
                            x[rd(d)] = (int) x[rs1(d)] >> x[rs2(d)];
                            pc += length(d);
                        }
                        case Op.MUL -> {
                            x[rd(d)] = x[rs1(d)] * x[rs2(d)];
                            pc += length(d);
                        }
                        case Op.MULH -> {
                            x[rd(d)] = Math.multiplyHigh(x[rs1(d)], x[rs2(d)]);
                            pc += length(d);
                        }
                        case Op.MULHSU -> {
                            x[rd(d)] = MulDiv.mulhsu(x[rs1(d)], x[rs2(d)]);
                            pc += length(d);
                        }
                        case Op.MULHU -> {
                            x[rd(d)] = Math.unsignedMultiplyHigh(x[rs1(d)], x[rs2(d)]);
                            pc += length(d);
                        }
                        case Op.DIV -> {
                            x[rd(d)] = MulDiv.div(x[rs1(d)], x[rs2(d)]);
                            pc += length(d);
                        }
                        case Op.DIVU -> {
                            x[rd(d)] = MulDiv.divu(x[rs1(d)], x[rs2(d)]);
                            pc += length(d);
                        }
                        case Op.REM -> {
                            x[rd(d)] = MulDiv.rem(x[rs1(d)], x[rs2(d)]);
                            pc += length(d);
                        }
                        case Op.REMU -> {
                            x[rd(d)] = MulDiv.remu(x[rs1(d)], x[rs2(d)]);
                            pc += length(d);
                        }
                        case Op.MULW -> {
                            x[rd(d)] = (int) (x[rs1(d)] * x[rs2(d)]);
                            pc += length(d);
                        }
                        case Op.DIVW -> {
                            x[rd(d)] = MulDiv.divw(x[rs1(d)], x[rs2(d)]);
                            pc += length(d);
                        }
                        case Op.DIVUW -> {
                            x[rd(d)] = MulDiv.divuw(x[rs1(d)], x[rs2(d)]);
                            pc += length(d);
                        }
                        case Op.REMW -> {
                            x[rd(d)] = MulDiv.remw(x[rs1(d)], x[rs2(d)]);
                            pc += length(d);
                        }
                        case Op.REMUW -> {
                            x[rd(d)] = MulDiv.remuw(x[rs1(d)], x[rs2(d)]);
                            pc += length(d);
                        }
                        case Op.LR_W, Op.LR_D -> {
                            x[rd(d)] = memory.loadReserved(x[rs1(d)], ((int) d & 0xff) == Op.LR_W ? 4 : 8, pc);
                            pc += length(d);
                        }
                        case Op.SC_W, Op.SC_D -> {
                            x[rd(d)] = memory.storeConditional(x[rs1(d)], ((int) d & 0xff) == Op.SC_W ? 4 : 8, x[rs2(d)], pc);
                            pc += length(d);
                        }
                        case Op.AMOSWAP_W, Op.AMOADD_W, Op.AMOXOR_W, Op.AMOAND_W, Op.AMOOR_W,
                                Op.AMOMIN_W, Op.AMOMAX_W, Op.AMOMINU_W, Op.AMOMAXU_W -> {
                            x[rd(d)] = (int) memory.amo((int) d & 0xff, x[rs1(d)], 4, x[rs2(d)], pc);
                            pc += length(d);
                        }
                        case Op.AMOSWAP_D, Op.AMOADD_D, Op.AMOXOR_D, Op.AMOAND_D, Op.AMOOR_D,
                                Op.AMOMIN_D, Op.AMOMAX_D, Op.AMOMINU_D, Op.AMOMAXU_D -> {
                            x[rd(d)] = memory.amo((int) d & 0xff, x[rs1(d)], 8, x[rs2(d)], pc);
                            pc += length(d);
                        }
                        case Op.FENCE -> pc += length(d);
                        case Op.FENCE_I -> {
                            // Stores already invalidate what they overwrite; fence.i also drops the rest.
                            memory.space.invalidateAllCode();
                            pc += length(d);
                        }
                        case Op.CSRRW, Op.CSRRS, Op.CSRRC, Op.CSRRWI, Op.CSRRSI, Op.CSRRCI -> {
                            x[rd(d)] = Counters.read(d, instret + done, pc, memory);
                            pc += length(d);
                        }
                        case Op.ECALL -> throw memory.trap(TrapCause.ECALL_FROM_U, 0, pc);
                        case Op.EBREAK -> throw memory.trap(TrapCause.BREAKPOINT, pc, pc);
                        case Op.ILLEGAL -> throw memory.trap(TrapCause.ILLEGAL_INSTRUCTION, imm(d) & 0xffffffffL, pc);
                        default -> throw new IllegalStateException(String.format(
                                "slot 0x%x at pc 0x%x holds no operation the hart knows", d, pc));
                    }
                }
                done++;
            }
            return StopReason.BUDGET;
        } finally {
            regs.pc = pc;
            instret += done;
        }
    }

    /**
     * Resolves a slot the dispatch does not handle: decodes an empty one, fetches a straddling
     * instruction, unwraps a hooked one when resuming from its breakpoint. Answers 0 when a
     * breakpoint stops the hart here, else the instruction to execute.
     */
    private long special(Page page, long[] code, int slot, long pc, long resumeBreakpoint, Registers regs) {
        long d = code[slot];
        if (d == 0) {
            d = decoding.decode(page, code, slot, pc);
        }
        if (((int) d & 0xff) == Op.STRADDLE) {
            d = decoding.straddling(page, slot, pc);
        }
        if (((int) d & 0xff) == Op.HOOK) {
            if (pc == resumeBreakpoint) {
                return page.hookOriginals()[slot];
            }
            regs.pc = pc;
            return memory.space.breakpoints().check().stops(pc) ? 0 : page.hookOriginals()[slot];
        }
        return d;
    }

    /** Counts a visit to a block entry; the visit that reaches the threshold translates the block there. */
    private void arrived(long pc) {
        if (++heat[(int) (pc >>> 1) & (HEAT_SLOTS - 1)] == translationThreshold) {
            translate(pc);
        }
    }

    private void translate(long pc) {
        Page page = AddressSpace.isUserAddress(pc) ? memory.space.page(pc) : null;
        if (page == null || translations >= MAX_TRANSLATIONS || !page.permissions().allows(Access.EXECUTE)) {
            return;
        }
        long[] code = page.code();
        int slot = (int) (pc & OFFSET_MASK) >>> 1;
        long entry = code[slot] != 0 ? code[slot] : decoding.decode(page, code, slot, pc);
        int op = (int) entry & 0xff;
        if (op == Op.HOOK || op == Op.STRADDLE || op == Op.BLOCK) {
            return;
        }
        Block block = translator.translate(page, pc);
        if (block == null) {
            return;
        }
        block.setEntryInstruction(entry);
        page.addTranslation(slot, (int) (block.end() - page.address()), block);
        code[slot] = Slot.pack(Op.BLOCK, 0, 0, 0, Slot.length(entry), 0);
        translations++;
    }

    private Page fetchPage(long pc, Tlb tlb) {
        long vpn = pc >>> Frame.SHIFT;
        int i = (int) vpn & Tlb.MASK;
        if (tlb.executeTag[i] == vpn) {
            return tlb.executePage[i];
        }
        Page page = AddressSpace.isUserAddress(pc) ? memory.space.executable(vpn) : null;
        if (page == null) {
            throw memory.fault(pc, Access.EXECUTE, pc);
        }
        return page;
    }
}
