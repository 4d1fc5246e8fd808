package dev.faultline.emulator.dwarf;

import java.util.OptionalLong;

/**
 * Evaluates a DWARF location expression for one frame (DWARF 5 sections 2.5 and 2.6): the stack
 * machine's arithmetic, and what its result names: memory, a register, or a value the compiler
 * computed (DW_OP_stack_value, DW_OP_implicit_value). Where the value cannot be had (optimized
 * away, only known on entry to the function, split in pieces) the result says why, in words a
 * debugger shows in place of the value.
 */
public final class DwarfExpression {

    /** Where an expression puts a variable. */
    public sealed interface Location {

        /** In memory at address. */
        record Memory(long address) implements Location {
        }

        /** In a register (DWARF number; x0..x31 are 0..31). */
        record Register(int register) implements Location {
        }

        /** Nowhere: the expression computes the value itself. */
        record Value(long value) implements Location {
        }

        /** Not available here, and why. */
        record Unavailable(String reason) implements Location {
        }
    }

    /**
     * What an expression may read: the frame's registers and memory, its frame base and its CFA,
     * and the values registers held on entry to the frame's function (DW_OP_entry_value), which
     * only the caller can tell.
     */
    public record Context(RegisterReader registers, MemoryReader memory, OptionalLong frameBase, OptionalLong cfa,
            RegisterReader entryValues) {

        /** A frame whose registers' values on entry are unknown. */
        public Context(RegisterReader registers, MemoryReader memory, OptionalLong frameBase, OptionalLong cfa) {
            this(registers, memory, frameBase, cfa, register -> OptionalLong.empty());
        }
    }

    // Bounds that keep a corrupt expression from running away.
    private static final int MAX_STACK = 64;
    private static final int MAX_STEPS = 10_000;

    private final SectionCursor in;
    private final int length;
    private final Context context;
    private final long[] stack = new long[MAX_STACK];
    private int depth;

    private DwarfExpression(byte[] code, Context context) {
        this.in = DwarfSection.of("location expression", code, 0).cursor(0);
        this.length = code.length;
        this.context = context;
    }

    public static Location evaluate(byte[] expression, Context context) {
        if (expression.length == 0) {
            return new Location.Unavailable("optimized out");
        }
        try {
            return new DwarfExpression(expression, context).run();
        } catch (Stop stop) {
            return new Location.Unavailable(stop.getMessage());
        } catch (DwarfFormatException e) {
            return new Location.Unavailable("unreadable location: " + e.getMessage());
        } catch (ArithmeticException e) {
            return new Location.Unavailable("unreadable location: a register number or length out of range");
        }
    }

    /** Ends an evaluation with the reason the value is not available. */
    private static final class Stop extends Exception {
        Stop(String reason) {
            super(reason, null, false, false);
        }
    }

    private Location run() throws Stop, DwarfFormatException {
        for (int steps = 0; !in.atEnd(); steps++) {
            if (steps == MAX_STEPS) {
                throw new Stop("unreadable location: the expression runs more than " + MAX_STEPS + " steps");
            }
            int op = u8();
            if (op >= 0x30 && op <= 0x4f) { // DW_OP_lit0..31
                push(op - 0x30);
            } else if (op >= 0x50 && op <= 0x6f) { // DW_OP_reg0..31
                return inRegister(op - 0x50);
            } else if (op >= 0x70 && op <= 0x8f) { // DW_OP_breg0..31
                push(register(op - 0x70) + sleb());
            } else {
                Location result = operation(op);
                if (result != null) {
                    return result;
                }
            }
        }
        if (depth == 0) {
            throw new Stop("optimized out");
        }
        return new Location.Memory(pop());
    }

    /** One operation other than the lit, reg and breg families; a location when it ends the expression. */
    private Location operation(int op) throws Stop, DwarfFormatException {
        switch (op) {
            case 0x03 -> push(fixed(8)); // DW_OP_addr (riscv64: 8-byte addresses)
            case 0x06 -> push(read(pop(), 8)); // DW_OP_deref
            case 0x94 -> { // DW_OP_deref_size
                int size = u8();
                push(read(pop(), size));
            }
            case 0x08 -> push(fixed(1)); // DW_OP_const1u
            case 0x09 -> push((byte) fixed(1)); // DW_OP_const1s
            case 0x0a -> push(fixed(2)); // DW_OP_const2u
            case 0x0b -> push((short) fixed(2)); // DW_OP_const2s
            case 0x0c -> push(fixed(4)); // DW_OP_const4u
            case 0x0d -> push((int) fixed(4)); // DW_OP_const4s
            case 0x0e, 0x0f -> push(fixed(8)); // DW_OP_const8u, DW_OP_const8s
            case 0x10 -> push(uleb()); // DW_OP_constu
            case 0x11 -> push(sleb()); // DW_OP_consts
            case 0x12 -> push(peek(0)); // DW_OP_dup
            case 0x13 -> pop(); // DW_OP_drop
            case 0x14 -> push(peek(1)); // DW_OP_over
            case 0x15 -> push(peek(u8())); // DW_OP_pick
            case 0x16 -> { // DW_OP_swap
                long top = pop();
                long next = pop();
                push(top);
                push(next);
            }
            case 0x17 -> { // DW_OP_rot
                long first = pop();
                long second = pop();
                long third = pop();
                push(first);
                push(third);
                push(second);
            }
            case 0x19 -> push(Math.abs(pop())); // DW_OP_abs
            case 0x1f -> push(-pop()); // DW_OP_neg
            case 0x20 -> push(~pop()); // DW_OP_not
            case 0x23 -> push(pop() + uleb()); // DW_OP_plus_uconst
            case 0x1a, 0x1b, 0x1c, 0x1d, 0x1e, 0x21, 0x22, 0x24, 0x25, 0x26, 0x27, 0x29, 0x2a, 0x2b, 0x2c, 0x2d, 0x2e -> {
                long right = pop();
                push(binary(op, pop(), right));
            }
            case 0x2f -> jump(); // DW_OP_skip
            case 0x28 -> { // DW_OP_bra
                if (pop() != 0) {
                    jump();
                } else {
                    fixed(2);
                }
            }
            case 0x90 -> { // DW_OP_regx
                return inRegister(Math.toIntExact(uleb()));
            }
            case 0x91 -> push(known(context.frameBase(), "the frame base") + sleb()); // DW_OP_fbreg
            case 0x92 -> { // DW_OP_bregx
                int register = Math.toIntExact(uleb());
                push(register(register) + sleb());
            }
            case 0x96 -> { // DW_OP_nop
            }
            case 0x9c -> push(known(context.cfa(), "the canonical frame address")); // DW_OP_call_frame_cfa
            case 0x9e -> { // DW_OP_implicit_value
                int length = Math.toIntExact(uleb());
                if (length > 8) {
                    throw new Stop("a constant of " + length + " bytes (DW_OP_implicit_value)");
                }
                return new Location.Value(fixed(length));
            }
            case 0x9f -> { // DW_OP_stack_value
                return new Location.Value(pop());
            }
            case 0x93 -> throw new Stop("split across registers and memory (DW_OP_piece), not shown");
            case 0xa0, 0xf2 -> throw new Stop("optimized out (a pointer to a value the compiler did not keep)");
            case 0xa3, 0xf3 -> push(entryValue()); // DW_OP_entry_value, DW_OP_GNU_entry_value
            default -> throw new Stop("a location this debugger does not evaluate (DWARF operation 0x"
                    + Integer.toHexString(op) + ")");
        }
        return null;
    }

    private static long binary(int op, long left, long right) throws Stop {
        return switch (op) {
            case 0x1a -> left & right;
            case 0x1b -> {
                if (right == 0) {
                    throw new Stop("unreadable location: the expression divides by zero");
                }
                yield left / right;
            }
            case 0x1c -> left - right;
            case 0x1d -> {
                if (right == 0) {
                    throw new Stop("unreadable location: the expression divides by zero");
                }
                yield Long.remainderUnsigned(left, right);
            }
            case 0x1e -> left * right;
            case 0x21 -> left | right;
            case 0x22 -> left + right;
            case 0x24 -> right >= 64 ? 0 : left << right;
            case 0x25 -> right >= 64 ? 0 : left >>> right;
            case 0x26 -> right >= 64 ? left >> 63 : left >> right;
            case 0x27 -> left ^ right;
            case 0x29 -> left == right ? 1 : 0;
            case 0x2a -> left >= right ? 1 : 0;
            case 0x2b -> left > right ? 1 : 0;
            case 0x2c -> left <= right ? 1 : 0;
            case 0x2d -> left < right ? 1 : 0;
            default -> left != right ? 1 : 0; // 0x2e DW_OP_ne
        };
    }

    /** A register as the whole location; a register operation in the middle of an expression is not one. */
    private Location inRegister(int register) throws Stop, DwarfFormatException {
        if (!in.atEnd()) {
            if (u8() == 0x93) {
                throw new Stop("split across registers and memory (DW_OP_piece), not shown");
            }
            throw new Stop("a location this debugger does not evaluate (a register followed by more operations)");
        }
        register(register); // says so when this frame does not know the register
        return new Location.Register(register);
    }

    /** DW_OP_entry_value of a register (the form compilers emit): its value when the function was entered. */
    private long entryValue() throws Stop, DwarfFormatException {
        long length = uleb();
        long end = in.position() + length;
        int op = length > 0 ? u8() : -1;
        int register = op >= 0x50 && op <= 0x6f ? op - 0x50 : op == 0x90 ? Math.toIntExact(uleb()) : -1;
        if (register < 0 || in.position() != end) {
            throw new Stop("optimized out (known only as its value on entry to the function)");
        }
        OptionalLong value = context.entryValues().read(register);
        if (value.isEmpty()) {
            throw new Stop("optimized out (known only as its value on entry to the function, which the caller "
                    + "does not tell)");
        }
        return value.getAsLong();
    }

    private long register(int register) throws Stop {
        OptionalLong value = context.registers().read(register);
        if (value.isEmpty()) {
            throw new Stop("not saved (in register x" + register + ", which this frame does not keep)");
        }
        return value.getAsLong();
    }

    private long read(long address, int size) throws Stop {
        if (size < 1 || size > 8) {
            throw new Stop("unreadable location: a dereference of " + size + " bytes");
        }
        OptionalLong value = context.memory().read(address, size);
        if (value.isEmpty()) {
            throw new Stop("unreadable memory at 0x" + Long.toHexString(address));
        }
        return value.getAsLong();
    }

    private static long known(OptionalLong value, String what) throws Stop {
        if (value.isEmpty()) {
            throw new Stop("not available (" + what + " of this frame is unknown)");
        }
        return value.getAsLong();
    }

    private void jump() throws Stop, DwarfFormatException {
        long offset = in.signed(2, "a branch offset");
        long target = in.position() + offset; // relative to the operation that follows
        if (target < 0 || target > length) {
            throw new Stop("unreadable location: a branch to byte " + target + " of a " + length + "-byte expression");
        }
        in.seek(target);
    }

    private void push(long value) throws Stop {
        if (depth == MAX_STACK) {
            throw new Stop("unreadable location: the expression's stack grows past " + MAX_STACK + " entries");
        }
        stack[depth++] = value;
    }

    private long pop() throws Stop {
        if (depth == 0) {
            throw new Stop("unreadable location: an operation at byte " + (in.position() - 1)
                    + " needs a value on an empty stack");
        }
        return stack[--depth];
    }

    private long peek(int index) throws Stop {
        if (index >= depth) {
            throw new Stop("unreadable location: an operation at byte " + (in.position() - 1) + " reads past the stack's "
                    + depth + " entries");
        }
        return stack[depth - 1 - index];
    }

    private int u8() throws DwarfFormatException {
        return in.u8("an operation");
    }

    /** A little-endian unsigned value of size bytes (1 to 8). */
    private long fixed(int size) throws DwarfFormatException {
        return in.unsigned(size, "an operand");
    }

    private long uleb() throws DwarfFormatException {
        return in.uleb("an operand");
    }

    private long sleb() throws DwarfFormatException {
        return in.sleb("an operand");
    }
}
