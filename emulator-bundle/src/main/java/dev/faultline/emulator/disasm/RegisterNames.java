package dev.faultline.emulator.disasm;

/**
 * The ABI names of the integer registers, from the RISC-V ELF psABI's register table (x8 is "s0",
 * as objdump prints it, not its alias "fp").
 */
final class RegisterNames {

    private static final String[] ABI = {
        "zero", "ra", "sp", "gp", "tp", "t0", "t1", "t2", "s0", "s1", "a0", "a1", "a2", "a3", "a4", "a5",
        "a6", "a7", "s2", "s3", "s4", "s5", "s6", "s7", "s8", "s9", "s10", "s11", "t3", "t4", "t5", "t6",
    };

    static final int ZERO = 0;
    static final int RA = 1;
    static final int SP = 2;
    static final int GP = 3;
    static final int TP = 4;

    private RegisterNames() {
    }

    static String of(int register) {
        return ABI[register];
    }
}
