package dev.faultline.emulator.dwarf;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Computes a backtrace from call frame information (DWARF 5 section 6.4.4, "Call Frame Calling
 * Address"): from a frame's row, the CFA, the return address from the return address column's
 * rule, and the caller's registers; the caller's sp is the CFA.
 */
public final class Unwinder {

    private static final int SP = 2;

    private final CallFrameInfo cfi;

    public Unwinder(CallFrameInfo cfi) {
        this.cfi = cfi;
    }

    /**
     * The frames from the innermost (pc and registers as the hart has them) outwards, at most
     * maxFrames. Stops at a frame without CFI (that frame is included with an unknown CFA), at an
     * undefined or zero return address, or when the stack stops growing toward the caller.
     */
    public List<Frame> backtrace(long pc, RegisterReader registers, MemoryReader memory, int maxFrames)
            throws UnwindException, DwarfFormatException {
        List<Frame> frames = new ArrayList<>();
        RegisterReader current = registers;
        long currentPc = pc;
        while (frames.size() < maxFrames) {
            int level = frames.size();
            // A caller's pc is a return address, possibly past the function's end: look up the call itself.
            long lookup = level == 0 ? currentPc : currentPc - 1;
            Optional<Fde> fde = cfi.fdeFor(lookup);
            Optional<CfiRow> row = fde.isPresent() ? cfi.rowAt(lookup) : Optional.empty();
            if (row.isEmpty()) {
                frames.add(new Frame(level, currentPc, OptionalLong.empty(), current));
                return frames;
            }
            long cfa = cfa(row.get(), current, currentPc);
            frames.add(new Frame(level, currentPc, OptionalLong.of(cfa), current));
            if (frames.size() == maxFrames) {
                return frames;
            }
            int raColumn = fde.get().cie().returnAddressRegister();
            Optional<Caller> caller = caller(row.get(), raColumn, cfa, current, memory, currentPc);
            if (caller.isEmpty() || !stackGrowsOutward(frames, caller.get())) {
                return frames;
            }
            current = caller.get().registers;
            currentPc = caller.get().pc;
        }
        return frames;
    }

    private record Caller(long pc, RegisterReader registers, long sp) {
    }

    private static boolean stackGrowsOutward(List<Frame> frames, Caller caller) {
        Frame callee = frames.get(frames.size() - 1);
        long calleeSp = callee.registers().read(SP).orElse(caller.sp);
        return Long.compareUnsigned(caller.sp, calleeSp) > 0 || caller.pc != callee.pc();
    }

    private static long cfa(CfiRow row, RegisterReader registers, long pc) throws UnwindException {
        if (!(row.cfa() instanceof CfaRule.RegisterOffset rule)) {
            throw new UnwindException("the CFA at pc 0x" + Long.toHexString(pc) + " is a DWARF expression "
                    + "(DW_CFA_def_cfa_expression), which this unwinder does not evaluate");
        }
        OptionalLong base = registers.read(rule.register());
        if (base.isEmpty()) {
            throw new UnwindException("the CFA at pc 0x" + Long.toHexString(pc) + " needs register x"
                    + rule.register() + ", whose value is unknown in this frame");
        }
        return base.getAsLong() + rule.offset();
    }

    private static Optional<Caller> caller(CfiRow row, int raColumn, long cfa, RegisterReader registers,
            MemoryReader memory, long pc) throws UnwindException {
        Map<Integer, Long> values = new HashMap<>();
        for (int register = 0; register < 32; register++) {
            OptionalLong value = recover(row.rule(register), register, cfa, registers, memory, pc);
            if (value.isPresent()) {
                values.put(register, value.getAsLong());
            }
        }
        values.put(SP, cfa);
        values.put(0, 0L);
        // The return address column is ra (x1) for GCC and Clang; another column is recovered the same way.
        OptionalLong ra = raColumn < 32 && values.containsKey(raColumn) ? OptionalLong.of(values.get(raColumn))
                : raColumn < 32 ? OptionalLong.empty() : recover(row.rule(raColumn), raColumn, cfa, registers, memory, pc);
        if (ra.isEmpty() || ra.getAsLong() == 0) {
            return Optional.empty(); // undefined return address: the outermost frame
        }
        Map<Integer, Long> frozen = Map.copyOf(values);
        RegisterReader callerRegisters = r -> frozen.containsKey(r) ? OptionalLong.of(frozen.get(r)) : OptionalLong.empty();
        return Optional.of(new Caller(ra.getAsLong(), callerRegisters, cfa));
    }

    /** A register's value in the caller; empty when the rule says it is lost or the callee did not know it. */
    private static OptionalLong recover(RegisterRule rule, int register, long cfa, RegisterReader registers,
            MemoryReader memory, long pc) throws UnwindException {
        if (rule instanceof RegisterRule.Offset offset) {
            OptionalLong saved = memory.read(cfa + offset.offset(), 8);
            if (saved.isEmpty()) {
                throw new UnwindException("x" + register + " is saved at 0x" + Long.toHexString(cfa + offset.offset())
                        + " (CFA 0x" + Long.toHexString(cfa) + " + " + offset.offset() + ") for pc 0x"
                        + Long.toHexString(pc) + ", which is not readable");
            }
            return saved;
        }
        if (rule instanceof RegisterRule.ValOffset valOffset) {
            return OptionalLong.of(cfa + valOffset.offset());
        }
        if (rule instanceof RegisterRule.InRegister other) {
            return registers.read(other.register());
        }
        if (rule instanceof RegisterRule.SameValue) {
            return registers.read(register);
        }
        // Undefined, and expression rules this unwinder does not evaluate: the value is unknown.
        return OptionalLong.empty();
    }
}
