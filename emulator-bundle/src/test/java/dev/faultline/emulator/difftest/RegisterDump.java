package dev.faultline.emulator.difftest;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * The final state a {@link RandomProgram} writes to stdout: x1..x31 as little-endian
 * doublewords, then the 4 KiB scratch buffer. Two dumps are equal when their registers and
 * bytes are; the origin (for example "seed 42, 2000 instructions") only labels messages, so the
 * comparison of a qemu run with a Faultline run is
 * {@code assertEquals(qemuDump, faultlineDump, qemuDump.differencesFrom(faultlineDump))}, or
 * {@link #assertSameAs} in one call.
 */
public final class RegisterDump {

    /** The ABI names of x0..x31 (RISC-V psABI), for messages. */
    public static final String[] ABI_NAMES = {
        "zero", "ra", "sp", "gp", "tp", "t0", "t1", "t2", "s0", "s1", "a0", "a1", "a2", "a3", "a4", "a5",
        "a6", "a7", "s2", "s3", "s4", "s5", "s6", "s7", "s8", "s9", "s10", "s11", "t3", "t4", "t5", "t6",
    };
    private static final int MAX_BYTE_DIFFERENCES = 8;

    private final String origin;
    private final long[] registers;   // registers[i] is x(i + 1)
    private final byte[] scratch;

    private RegisterDump(String origin, long[] registers, byte[] scratch) {
        this.origin = origin;
        this.registers = registers;
        this.scratch = scratch;
    }

    /** Parses the stdout bytes of a random program; a wrong size is an error naming both sizes. */
    public static RegisterDump parse(String origin, byte[] stdout) {
        if (stdout.length != RandomProgram.DUMP_BYTES) {
            throw new IllegalArgumentException(origin + ": a register dump is " + RandomProgram.DUMP_BYTES
                    + " bytes (31 registers, then " + RandomProgram.SCRATCH_BYTES + " scratch bytes), got "
                    + stdout.length);
        }
        long[] registers = new long[RandomProgram.DUMP_REGISTERS];
        for (int i = 0; i < registers.length; i++) {
            long value = 0;
            for (int b = 7; b >= 0; b--) {
                value = (value << 8) | (stdout[8 * i + b] & 0xff);
            }
            registers[i] = value;
        }
        byte[] scratch = Arrays.copyOfRange(stdout, RandomProgram.DUMP_REGISTERS * 8, stdout.length);
        return new RegisterDump(origin, registers, scratch);
    }

    /** Builds a dump from values, as a caller that reads a hart directly would. */
    public static RegisterDump of(String origin, long[] x1ToX31, byte[] scratch) {
        if (x1ToX31.length != RandomProgram.DUMP_REGISTERS || scratch.length != RandomProgram.SCRATCH_BYTES) {
            throw new IllegalArgumentException(origin + ": expected 31 registers and " + RandomProgram.SCRATCH_BYTES
                    + " scratch bytes, got " + x1ToX31.length + " and " + scratch.length);
        }
        return new RegisterDump(origin, x1ToX31.clone(), scratch.clone());
    }

    /** What produced this dump. */
    public String origin() {
        return origin;
    }

    /** The value of register xN, 1 <= N <= 31 (x0 is always 0). */
    public long register(int n) {
        if (n == 0) {
            return 0;
        }
        return registers[n - 1];
    }

    /** A copy of the scratch buffer. */
    public byte[] scratch() {
        return scratch.clone();
    }

    /**
     * One line per register that differs (name, both values) and the first differing scratch
     * bytes (offset, both values); empty when the dumps are equal.
     */
    public String differencesFrom(RegisterDump other) {
        StringBuilder out = new StringBuilder();
        for (int n = 1; n <= RandomProgram.DUMP_REGISTERS; n++) {
            if (register(n) != other.register(n)) {
                out.append(String.format("  x%-2d %-4s %s: 0x%016x, %s: 0x%016x%n", n, ABI_NAMES[n], origin,
                        register(n), other.origin, other.register(n)));
            }
        }
        int shown = 0;
        int differing = 0;
        for (int i = 0; i < scratch.length; i++) {
            if (scratch[i] != other.scratch[i]) {
                differing++;
                if (shown++ < MAX_BYTE_DIFFERENCES) {
                    out.append(String.format("  scratch+0x%03x %s: 0x%02x, %s: 0x%02x%n", i, origin, scratch[i] & 0xff,
                            other.origin, other.scratch[i] & 0xff));
                }
            }
        }
        if (differing > MAX_BYTE_DIFFERENCES) {
            out.append("  ... ").append(differing - MAX_BYTE_DIFFERENCES).append(" more scratch bytes differ\n");
        }
        return out.isEmpty() ? "" : origin + " and " + other.origin + " differ:\n" + out;
    }

    /** Fails with the differences (registers by name, both values, both origins) unless the dumps are equal. */
    public static void assertSameAs(RegisterDump expected, RegisterDump actual) {
        String differences = expected.differencesFrom(actual);
        if (!differences.isEmpty()) {
            throw new AssertionError(differences);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RegisterDump other && Arrays.equals(registers, other.registers)
                && Arrays.equals(scratch, other.scratch);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(registers) + Arrays.hashCode(scratch);
    }

    /** The origin and every register; the scratch buffer as its first bytes. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder(origin).append(':');
        for (int n = 1; n <= RandomProgram.DUMP_REGISTERS; n++) {
            out.append(String.format(" %s=0x%x", ABI_NAMES[n], register(n)));
        }
        return out.append(" scratch=").append(HexFormat.of().formatHex(scratch, 0, 16)).append("...").toString();
    }
}
