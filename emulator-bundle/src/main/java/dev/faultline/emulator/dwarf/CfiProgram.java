package dev.faultline.emulator.dwarf;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Executes call frame instructions (DWARF 5 section 6.4.2: row creation, CFA definition, register
 * rule and row state instructions): the CIE's initial instructions, then the FDE's, producing the
 * rows of the FDE's range. Each instruction consumes at least one byte, so it always ends.
 */
final class CfiProgram {

    private final Fde fde;
    private final List<CfiRow> rows = new ArrayList<>();
    private final Deque<State> remembered = new ArrayDeque<>();
    private Map<Integer, RegisterRule> initialRules = Map.of();
    private long location;
    private State state = new State(null, new HashMap<>());

    private CfiProgram(Fde fde) {
        this.fde = fde;
        this.location = fde.initialLocation();
    }

    /** The rows of the FDE, ascending by address; when two rows share an address the later one is kept. */
    static List<CfiRow> rows(Fde fde) throws DwarfFormatException {
        CfiProgram program = new CfiProgram(fde);
        program.execute(fde.cie().initialInstructions(), true);
        program.initialRules = Map.copyOf(program.state.rules);
        program.execute(fde.instructions(), false);
        program.emit();
        return program.rows;
    }

    private record State(CfaRule cfa, Map<Integer, RegisterRule> rules) {
        State copy() {
            return new State(cfa, new HashMap<>(rules));
        }
    }

    private void execute(CfiInstructions instructions, boolean initial) throws DwarfFormatException {
        SectionCursor in = instructions.cursor();
        while (!in.atEnd()) {
            long at = in.position();
            int opcode = in.u8("call frame instruction");
            int high = opcode & 0xc0;
            int low = opcode & 0x3f;
            if (high == 0x40) {
                advance(low, initial, in, at);
            } else if (high == 0x80) {
                setRule(low, new RegisterRule.Offset(in.uleb("DW_CFA_offset offset") * fde.cie().dataAlignment()));
            } else if (high == 0xc0) {
                restore(low);
            } else {
                extended(opcode, in, at, initial);
            }
        }
    }

    private void advance(long delta, boolean initial, SectionCursor in, long at) throws DwarfFormatException {
        if (initial) {
            throw in.errorAt(at, "expected no location advance among a CIE's initial instructions");
        }
        emit();
        location += delta * fde.cie().codeAlignment();
    }

    private void extended(int opcode, SectionCursor in, long at, boolean initial) throws DwarfFormatException {
        long dataAlignment = fde.cie().dataAlignment();
        switch (opcode) {
            case 0x00 -> { } // DW_CFA_nop
            case 0x01 -> setLocation(in, at, initial);
            case 0x02 -> advance(in.u8("DW_CFA_advance_loc1 delta"), initial, in, at);
            case 0x03 -> advance(in.u16("DW_CFA_advance_loc2 delta"), initial, in, at);
            case 0x04 -> advance(in.u32("DW_CFA_advance_loc4 delta"), initial, in, at);
            case 0x05 -> setRule(register(in), new RegisterRule.Offset(in.uleb("offset") * dataAlignment));
            case 0x06 -> restore(register(in));
            case 0x07 -> setRule(register(in), new RegisterRule.Undefined());
            case 0x08 -> setRule(register(in), new RegisterRule.SameValue());
            case 0x09 -> setRule(register(in), new RegisterRule.InRegister(register(in)));
            case 0x0a -> remembered.push(state.copy());
            case 0x0b -> restoreState(in, at);
            case 0x0c -> state = new State(new CfaRule.RegisterOffset(register(in), in.uleb("CFA offset")), state.rules);
            case 0x0d -> defineCfaRegister(register(in), in, at);
            case 0x0e -> defineCfaOffset(in.uleb("CFA offset"), in, at);
            case 0x0f -> state = new State(new CfaRule.Expression(block(in)), state.rules);
            case 0x10 -> setRule(register(in), new RegisterRule.Expression(block(in)));
            case 0x11 -> setRule(register(in), new RegisterRule.Offset(in.sleb("offset") * dataAlignment));
            case 0x12 -> state = new State(new CfaRule.RegisterOffset(register(in), in.sleb("CFA offset") * dataAlignment),
                    state.rules);
            case 0x13 -> defineCfaOffset(in.sleb("CFA offset") * dataAlignment, in, at);
            case 0x14 -> setRule(register(in), new RegisterRule.ValOffset(in.uleb("offset") * dataAlignment));
            case 0x15 -> setRule(register(in), new RegisterRule.ValOffset(in.sleb("offset") * dataAlignment));
            case 0x16 -> setRule(register(in), new RegisterRule.ValExpression(block(in)));
            case 0x2e -> in.uleb("DW_CFA_GNU_args_size size");
            case 0x2f -> setRule(register(in), new RegisterRule.Offset(-in.uleb("offset") * dataAlignment));
            default -> throw in.errorAt(at, "expected a DW_CFA_* instruction, found opcode 0x" + Integer.toHexString(opcode));
        }
    }

    private void setLocation(SectionCursor in, long at, boolean initial) throws DwarfFormatException {
        if (initial) {
            throw in.errorAt(at, "expected no DW_CFA_set_loc among a CIE's initial instructions");
        }
        long target = in.section().name().equals(".eh_frame")
                ? PointerEncoding.read(in, fde.cie().fdeEncoding(), fde.cie().addressSize())
                : in.unsigned(fde.cie().addressSize(), "DW_CFA_set_loc address");
        if (Long.compareUnsigned(target, location) < 0) {
            throw in.errorAt(at, "expected DW_CFA_set_loc to move forward from 0x" + Long.toHexString(location)
                    + ", found 0x" + Long.toHexString(target));
        }
        emit();
        location = target;
    }

    private static int register(SectionCursor in) throws DwarfFormatException {
        long at = in.position();
        long register = in.uleb("register number");
        if (register > 0xffff) {
            throw in.errorAt(at, "expected a DWARF register number up to 0xffff, found " + Long.toUnsignedString(register));
        }
        return (int) register;
    }

    private static byte[] block(SectionCursor in) throws DwarfFormatException {
        return in.bytes(in.count("expression length", 1), "expression");
    }

    private void setRule(int register, RegisterRule rule) {
        state.rules.put(register, rule);
    }

    /** DW_CFA_restore: back to the rule the CIE's initial instructions gave (none means unchanged). */
    private void restore(int register) {
        RegisterRule initial = initialRules.get(register);
        if (initial == null) {
            state.rules.remove(register);
        } else {
            state.rules.put(register, initial);
        }
    }

    private void restoreState(SectionCursor in, long at) throws DwarfFormatException {
        if (remembered.isEmpty()) {
            throw in.errorAt(at, "expected a DW_CFA_remember_state before DW_CFA_restore_state, found none");
        }
        state = remembered.pop();
    }

    /** Keeps the current offset; GCC's CIEs start with this alone, the offset then being 0. */
    private void defineCfaRegister(int register, SectionCursor in, long at) throws DwarfFormatException {
        long offset = state.cfa == null ? 0 : currentCfaOffset(in, at, "DW_CFA_def_cfa_register");
        state = new State(new CfaRule.RegisterOffset(register, offset), state.rules);
    }

    private void defineCfaOffset(long offset, SectionCursor in, long at) throws DwarfFormatException {
        currentCfaOffset(in, at, "DW_CFA_def_cfa_offset");
        int register = ((CfaRule.RegisterOffset) state.cfa).register();
        state = new State(new CfaRule.RegisterOffset(register, offset), state.rules);
    }

    private long currentCfaOffset(SectionCursor in, long at, String what) throws DwarfFormatException {
        if (!(state.cfa instanceof CfaRule.RegisterOffset current)) {
            throw in.errorAt(at, "expected a register-and-offset CFA rule before " + what + ", found "
                    + (state.cfa == null ? "none" : "an expression"));
        }
        return current.offset();
    }

    private void emit() {
        if (state.cfa == null) {
            return; // no CFA rule yet: nothing a debugger could use
        }
        CfiRow row = new CfiRow(location, state.cfa, Map.copyOf(state.rules));
        if (!rows.isEmpty() && rows.get(rows.size() - 1).address() == location) {
            rows.set(rows.size() - 1, row);
        } else {
            rows.add(row);
        }
    }
}
