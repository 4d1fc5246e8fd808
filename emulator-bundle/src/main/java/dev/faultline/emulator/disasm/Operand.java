package dev.faultline.emulator.disasm;

/**
 * One operand of an instruction as objdump writes it: registers by ABI name, immediates in decimal
 * or hex (shift amounts and upper immediates are hex), memory operands as offset(base), branch
 * targets as addresses that a {@link Symbolizer} may name.
 */
sealed interface Operand {

    static Operand reg(int number) {
        return new Register(number);
    }

    static Operand dec(long value) {
        return new Decimal(value);
    }

    static Operand hex(long value) {
        return new Hex(value);
    }

    static Operand mem(long offset, int base) {
        return new Memory(offset, base);
    }

    static Operand indirect(int base) {
        return new Indirect(base);
    }

    static Operand target(long address) {
        return new Target(address);
    }

    static Operand csr(int number) {
        return new Csr(number);
    }

    static Operand word(String text) {
        return new Word(text);
    }

    record Register(int number) implements Operand {
    }

    record Decimal(long value) implements Operand {
    }

    record Hex(long value) implements Operand {
    }

    /** A load, store or jalr address: "offset(base)". */
    record Memory(long offset, int base) implements Operand {
    }

    /** The address register of LR, SC and AMOs: "(base)". */
    record Indirect(int base) implements Operand {
    }

    /** A branch or jump target address. */
    record Target(long address) implements Operand {
    }

    record Csr(int number) implements Operand {
    }

    /** Literal text, such as the "iorw" sets of a FENCE. */
    record Word(String text) implements Operand {
    }
}
