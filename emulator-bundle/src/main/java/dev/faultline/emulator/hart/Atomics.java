package dev.faultline.emulator.hart;

/**
 * What each AMO writes back, from the old memory value and the register operand (RISC-V
 * unprivileged specification, "Atomic Memory Operations"); 32-bit forms compare as 32 bits.
 */
final class Atomics {

    private Atomics() {
    }

    static long combine(int op, long old, long operand, int size) {
        boolean word = size == 4;
        long a = word ? (int) old : old;
        long b = word ? (int) operand : operand;
        return switch (op) {
            case Op.AMOSWAP_W, Op.AMOSWAP_D -> b;
            case Op.AMOADD_W, Op.AMOADD_D -> a + b;
            case Op.AMOXOR_W, Op.AMOXOR_D -> a ^ b;
            case Op.AMOAND_W, Op.AMOAND_D -> a & b;
            case Op.AMOOR_W, Op.AMOOR_D -> a | b;
            case Op.AMOMIN_W, Op.AMOMIN_D -> Math.min(a, b);
            case Op.AMOMAX_W, Op.AMOMAX_D -> Math.max(a, b);
            case Op.AMOMINU_W, Op.AMOMINU_D -> Long.compareUnsigned(unsigned(a, word), unsigned(b, word)) <= 0 ? a : b;
            case Op.AMOMAXU_W, Op.AMOMAXU_D -> Long.compareUnsigned(unsigned(a, word), unsigned(b, word)) >= 0 ? a : b;
            default -> throw new IllegalArgumentException("operation " + op + " is not an AMO");
        };
    }

    private static long unsigned(long value, boolean word) {
        return word ? value & 0xffffffffL : value;
    }
}
