package dev.faultline.emulator.difftest;

import dev.faultline.emulator.testing.Toolchain;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A generator of random RV64IMAC programs for differential testing: the same seed always gives
 * the same assembly text, which runs without trapping and ends by writing its 31 registers and
 * its 4 KiB scratch buffer to stdout (the {@link RegisterDump} format) and exiting 0.
 *
 * <p>Shape: a prologue loads every free register with a seeded value (half random 64-bit
 * values, half corner values such as 0, -1, INT64_MIN, 0x80000000); the scratch buffer starts
 * filled with seeded bytes (initialised .data); then LENGTH random instructions; then the dump.
 *
 * <p>The body draws from all of RV64I (ALU, shifts, W forms, LUI, AUIPC, loads and stores of
 * every width, branches, JAL, JALR), M, A (every AMO in .W and .D, LR/SC), C (explicit c.
 * mnemonics, each under {@code .option rvc}; the other instructions keep their 32-bit forms),
 * FENCE and FENCE.I. Counters (cycle/time/instret) are excluded: they differ between machines.
 * Rules that keep every program trap-free and its result defined by the specification alone:
 * <ul>
 * <li>sp, gp and s0 are never written. s0 holds scratch + 2048, so every 12-bit load/store
 *     offset stays inside the buffer (misaligned offsets included: they complete);</li>
 * <li>an AMO, LR or SC comes as one unit with the ADDI that points its address register at a
 *     naturally aligned scratch address;</li>
 * <li>LR and SC come as one unit: LR, up to three register-only instructions that leave the
 *     address register alone, SC to the same address and size. A lone SC (no LR since the last
 *     SC) must fail with a nonzero rd. Not generated, because the specification leaves them to
 *     the implementation: an SC to another address than its LR's, a store between LR and SC,
 *     an LR without an SC;</li>
 * <li>branches and jumps only go forward, over one to four units (never into one), so every
 *     program ends; JALR targets come from LA, with an immediate of 0 or 1 (bit 0 is cleared);</li>
 * <li>relaxation is off ({@code .option norelax}), so no address is computed from gp.</li>
 * </ul>
 * Link values and AUIPC results depend on code addresses, which are the same for qemu and
 * Faultline because both run the same ELF.
 */
public final class RandomProgram {

    /** Bytes of the scratch buffer. */
    public static final int SCRATCH_BYTES = 4096;
    /** Registers in the dump: x1 to x31. */
    public static final int DUMP_REGISTERS = 31;
    /** Bytes a program writes to stdout: the registers, then the scratch buffer. */
    public static final int DUMP_BYTES = DUMP_REGISTERS * 8 + SCRATCH_BYTES;

    private static final int BASE = 8;                      // s0: scratch + 2048
    private static final long[] CORNER_VALUES = {
        0, 1, -1, 2, -2, Long.MIN_VALUE, Long.MAX_VALUE, 0x80000000L, 0x7fffffffL, 0xffffffffL,
        0xffffffff80000000L, 0x100000000L, 63, 64, 31, 32, 0x8000000000000001L, 0xffffL, -0x800L,
    };
    private static final String[] R_OPS = {
        "add", "sub", "sll", "slt", "sltu", "xor", "srl", "sra", "or", "and",
        "addw", "subw", "sllw", "srlw", "sraw",
        "mul", "mulh", "mulhsu", "mulhu", "div", "divu", "rem", "remu",
        "mulw", "divw", "divuw", "remw", "remuw",
    };
    private static final String[] I_OPS = {"addi", "slti", "sltiu", "xori", "ori", "andi", "addiw"};
    private static final String[] SHIFT_OPS = {"slli", "srli", "srai"};
    private static final String[] SHIFT_W_OPS = {"slliw", "srliw", "sraiw"};
    private static final String[] LOADS = {"lb", "lh", "lw", "ld", "lbu", "lhu", "lwu"};
    private static final int[] LOAD_WIDTHS = {1, 2, 4, 8, 1, 2, 4};
    private static final String[] STORES = {"sb", "sh", "sw", "sd"};
    private static final int[] STORE_WIDTHS = {1, 2, 4, 8};
    private static final String[] AMOS = {"amoswap", "amoadd", "amoxor", "amoand", "amoor",
        "amomin", "amomax", "amominu", "amomaxu"};
    private static final String[] ORDERINGS = {"", "", ".aq", ".rl", ".aqrl"};
    private static final String[] BRANCHES = {"beq", "bne", "blt", "bge", "bltu", "bgeu"};
    private static final String[] C_ARITH = {"c.sub", "c.xor", "c.or", "c.and", "c.subw", "c.addw"};

    private final Random random;
    private final List<List<String>> units = new ArrayList<>();
    /** labels.get(i): labels placed before unit i (index units.size() is the epilogue). */
    private final List<List<String>> labels = new ArrayList<>();
    private int nextLabel;

    private RandomProgram(long seed) {
        this.random = new Random(seed);
    }

    /** The assembly text of the program for this seed, with LENGTH instructions in its body. */
    public static String generate(long seed, int length) {
        if (length < 0) {
            throw new IllegalArgumentException("length " + length + " is negative");
        }
        return new RandomProgram(seed).text(seed, length);
    }

    /** Writes the program to target/guests/random/ and builds it into an ELF with the bare runtime. */
    public static Path build(long seed, int length) {
        String name = "random-" + Long.toUnsignedString(seed) + "-" + length;
        Path source = Toolchain.buildDir().resolve("random").resolve(name + ".S");
        String text = generate(seed, length);
        try {
            Files.createDirectories(source.getParent());
            if (!Files.exists(source) || !Files.readString(source).equals(text)) {
                Files.writeString(source, text);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Toolchain.compileBare(name, List.of(), source);
    }

    private String text(long seed, int length) {
        int count = 0;
        while (count < length) {
            count += unit(length - count);
        }
        for (int i = 0; i <= units.size(); i++) {
            labels.add(new ArrayList<>());
        }
        resolveTargets();
        StringBuilder out = new StringBuilder();
        out.append("/* Random differential program: seed ").append(seed).append(", ").append(length)
                .append(" instructions (generated by RandomProgram; do not edit). */\n");
        out.append("    .option norelax\n    .option norvc\n");
        scratch(out);
        out.append("    .text\n    .globl main\n    .balign 4\nmain:\n");
        prologue(out);
        for (int i = 0; i < units.size(); i++) {
            for (String label : labels.get(i)) {
                out.append(label).append(":\n");
            }
            for (String line : units.get(i)) {
                out.append(line).append('\n');
            }
        }
        for (String label : labels.get(units.size())) {
            out.append(label).append(":\n");
        }
        epilogue(out);
        return out.toString();
    }

    // ---- the body: one unit is one instruction or a short sequence that must stay together

    private int unit(int room) {
        int kind = random.nextInt(100);
        if (kind < 30) {
            return add(rType());
        } else if (kind < 45) {
            return add(iType());
        } else if (kind < 50) {
            return add(upper());
        } else if (kind < 60) {
            return add(loadOrStore());
        } else if (kind < 65 && room >= 2) {
            return add(amo());
        } else if (kind < 68 && room >= 6) {
            return add(lrSc());
        } else if (kind < 69 && room >= 2) {
            return add(loneSc());
        } else if (kind < 78) {
            return add(branchOrJump(room));
        } else if (kind < 99) {
            return add(compressed(room));
        } else if (room >= 1) {
            return add(List.of(random.nextBoolean() ? "    fence" : "    fence.i"));
        }
        return add(rType());
    }

    private int add(List<String> unit) {
        units.add(unit);
        int n = 0;
        for (String line : unit) {
            if (line.startsWith("    ") && !line.startsWith("    .option")) {
                n += line.startsWith("    la ") ? 2 : 1;
            }
        }
        return n;
    }

    private List<String> rType() {
        String op = R_OPS[random.nextInt(R_OPS.length)];
        int rs2 = op.startsWith("div") || op.startsWith("rem")
                ? (random.nextInt(8) == 0 ? 0 : anySource()) : anySource(); // x0: division by zero
        return List.of("    " + op + " " + x(dest()) + ", " + x(anySource()) + ", " + x(rs2));
    }

    private List<String> iType() {
        int which = random.nextInt(10);
        String rd = x(dest());
        String rs1 = x(anySource());
        if (which < 6) {
            return List.of("    " + I_OPS[random.nextInt(I_OPS.length)] + " " + rd + ", " + rs1 + ", " + imm12());
        } else if (which < 8) {
            return List.of("    " + SHIFT_OPS[random.nextInt(3)] + " " + rd + ", " + rs1 + ", " + random.nextInt(64));
        }
        return List.of("    " + SHIFT_W_OPS[random.nextInt(3)] + " " + rd + ", " + rs1 + ", " + random.nextInt(32));
    }

    private List<String> upper() {
        String op = random.nextBoolean() ? "lui" : "auipc";
        return List.of("    " + op + " " + x(dest()) + ", 0x" + Integer.toHexString(random.nextInt(1 << 20)));
    }

    private List<String> loadOrStore() {
        if (random.nextBoolean()) {
            int i = random.nextInt(LOADS.length);
            return List.of("    " + LOADS[i] + " " + x(dest()) + ", " + offset(LOAD_WIDTHS[i]) + "(s0)");
        }
        int i = random.nextInt(STORES.length);
        return List.of("    " + STORES[i] + " " + x(anySource()) + ", " + offset(STORE_WIDTHS[i]) + "(s0)");
    }

    /** ADDI to an aligned scratch address, then one AMO through it. */
    private List<String> amo() {
        boolean word = random.nextBoolean();
        int address = dest(false);
        String op = AMOS[random.nextInt(AMOS.length)] + (word ? ".w" : ".d") + ORDERINGS[random.nextInt(ORDERINGS.length)];
        return List.of(
                "    addi " + x(address) + ", s0, " + alignedOffset(word ? 4 : 8),
                "    " + op + " " + x(dest()) + ", " + x(anySource()) + ", (" + x(address) + ")");
    }

    /** ADDI to an aligned address, LR, register-only work that keeps the address, SC there. */
    private List<String> lrSc() {
        boolean word = random.nextBoolean();
        String size = word ? ".w" : ".d";
        int address = dest(false);
        List<String> unit = new ArrayList<>();
        unit.add("    addi " + x(address) + ", s0, " + alignedOffset(word ? 4 : 8));
        unit.add("    lr" + size + (random.nextBoolean() ? ".aq" : "") + " " + x(destExcept(address)) + ", (" + x(address) + ")");
        int between = random.nextInt(4);
        for (int i = 0; i < between; i++) {
            String op = R_OPS[random.nextInt(10)];  // RV64I register ops only
            unit.add("    " + op + " " + x(destExcept(address)) + ", " + x(anySource()) + ", " + x(anySource()));
        }
        unit.add("    sc" + size + (random.nextBoolean() ? ".rl" : "") + " " + x(dest()) + ", " + x(anySource())
                + ", (" + x(address) + ")");
        return unit;
    }

    /** An SC with no reservation: every earlier LR was followed by its SC, so this one fails. */
    private List<String> loneSc() {
        boolean word = random.nextBoolean();
        int address = dest(false);
        return List.of(
                "    addi " + x(address) + ", s0, " + alignedOffset(word ? 4 : 8),
                "    sc" + (word ? ".w" : ".d") + " " + x(dest()) + ", " + x(anySource()) + ", (" + x(address) + ")");
    }

    private List<String> branchOrJump(int room) {
        int which = random.nextInt(10);
        String label = pendingLabel(room);
        if (which < 6) {
            return List.of("    " + BRANCHES[random.nextInt(BRANCHES.length)] + " " + x(anySource()) + ", "
                    + x(anySource()) + ", " + label);
        } else if (which < 8) {
            return List.of("    jal " + x(dest()) + ", " + label);
        }
        int target = dest(false);
        // rd may be the target register itself: the jump uses its old value
        int rd = random.nextBoolean() ? target : dest();
        return List.of("    la " + x(target) + ", " + label,
                "    jalr " + x(rd) + ", " + random.nextInt(2) + "(" + x(target) + ")");
    }

    private List<String> compressed(int room) {
        int which = random.nextInt(22);
        String c = switch (which) {
            case 0 -> "c.addi " + x(destNonZero()) + ", " + nonZero(random.nextInt(64) - 32);
            case 1 -> "c.addiw " + x(destNonZero()) + ", " + (random.nextInt(64) - 32);
            case 2 -> "c.li " + x(destNonZero()) + ", " + (random.nextInt(64) - 32);
            case 3 -> "c.lui " + x(destNonZero()) + ", 0x" + Integer.toHexString(cLuiImmediate());
            case 4 -> "c.slli " + x(destNonZero()) + ", " + (1 + random.nextInt(63));
            case 5 -> "c.srli " + x(destCompressed()) + ", " + (1 + random.nextInt(63));
            case 6 -> "c.srai " + x(destCompressed()) + ", " + (1 + random.nextInt(63));
            case 7 -> "c.andi " + x(destCompressed()) + ", " + (random.nextInt(64) - 32);
            case 8 -> "c.mv " + x(destNonZero()) + ", " + x(nonZeroSource());
            case 9 -> "c.add " + x(destNonZero()) + ", " + x(nonZeroSource());
            case 10, 11 -> C_ARITH[random.nextInt(C_ARITH.length)] + " " + x(destCompressed()) + ", "
                    + x(8 + random.nextInt(8));
            case 12 -> "c.lw " + x(destCompressed()) + ", " + 4 * random.nextInt(32) + "(s0)";
            case 13 -> "c.ld " + x(destCompressed()) + ", " + 8 * random.nextInt(32) + "(s0)";
            case 14 -> "c.sw " + x(8 + random.nextInt(8)) + ", " + 4 * random.nextInt(32) + "(s0)";
            case 15 -> "c.sd " + x(8 + random.nextInt(8)) + ", " + 8 * random.nextInt(32) + "(s0)";
            case 16 -> "c.addi4spn " + x(destCompressed()) + ", sp, " + 4 * (1 + random.nextInt(255));
            case 17 -> "c.nop";
            case 18 -> "c.j " + pendingLabel(room);
            case 19 -> (random.nextBoolean() ? "c.beqz " : "c.bnez ") + x(8 + random.nextInt(8)) + ", " + pendingLabel(room);
            default -> null;
        };
        if (c != null) {
            return List.of("    .option push", "    .option rvc", "    " + c, "    .option pop");
        }
        int target = dest(false);
        return List.of("    la " + x(target) + ", " + pendingLabel(room), "    .option push", "    .option rvc",
                "    " + (which == 20 ? "c.jr " : "c.jalr ") + x(target), "    .option pop");
    }

    // ---- labels: a jump names a label that resolveTargets places 1 to 4 units further on

    private final List<int[]> pending = new ArrayList<>();

    private String pendingLabel(int room) {
        String label = ".Lt" + nextLabel++;
        // the unit holding this jump is units.size() once added; skip 1..4 units after it
        pending.add(new int[] {units.size(), 1 + random.nextInt(4), nextLabel - 1});
        return label;
    }

    private void resolveTargets() {
        for (int[] jump : pending) {
            int target = Math.min(jump[0] + 1 + jump[1], units.size());
            labels.get(target).add(".Lt" + jump[2]);
        }
    }

    // ---- registers and immediates

    /** A register the body may write: not sp (x2), gp (x3) or s0 (x8); x0 now and then. */
    private int dest() {
        return dest(true);
    }

    private int dest(boolean zeroAllowed) {
        while (true) {
            int r = random.nextInt(32);
            if (r == 2 || r == 3 || r == BASE || (r == 0 && (!zeroAllowed || random.nextInt(4) != 0))) {
                continue;
            }
            return r;
        }
    }

    private int destExcept(int keep) {
        while (true) {
            int r = dest();
            if (r != keep) {
                return r;
            }
        }
    }

    private int destNonZero() {
        return dest(false);
    }

    /** x9..x15: the x8-x15 range of the 3-bit register fields, less s0. */
    private int destCompressed() {
        return 9 + random.nextInt(7);
    }

    private int anySource() {
        return random.nextInt(32);
    }

    private int nonZeroSource() {
        return 1 + random.nextInt(31);
    }

    private int imm12() {
        return random.nextInt(4096) - 2048;
    }

    /** A load/store offset from s0 = scratch + 2048 that keeps WIDTH bytes inside the buffer. */
    private int offset(int width) {
        return random.nextInt(4096 - width + 1) - 2048;
    }

    /** An offset from s0 that is a multiple of ALIGN (scratch is 4096-aligned). */
    private int alignedOffset(int align) {
        return align * random.nextInt(4096 / align) - 2048;
    }

    private int cLuiImmediate() {
        int v = 1 + random.nextInt(63);          // nzimm[17:12], not 0
        return v < 32 ? v : 0xfffc0 + v;         // 32..63 are the negative values 0xfffe0..0xfffff
    }

    private static int nonZero(int v) {
        return v == 0 ? 1 : v;
    }

    private static String x(int r) {
        return "x" + r;
    }

    // ---- prologue, data and epilogue

    private void scratch(StringBuilder out) {
        out.append("    .data\n    .balign 4096\nscratch:\n");
        for (int i = 0; i < SCRATCH_BYTES / 8; i++) {
            out.append("    .dword 0x").append(Long.toHexString(random.nextLong())).append('\n');
        }
        out.append("    .balign 8\nregister_dump:\n    .skip ").append(DUMP_REGISTERS * 8).append('\n');
    }

    private void prologue(StringBuilder out) {
        for (int r = 1; r < 32; r++) {
            if (r == 2 || r == 3 || r == BASE) {
                continue;
            }
            long value = random.nextBoolean() ? random.nextLong() : CORNER_VALUES[random.nextInt(CORNER_VALUES.length)];
            out.append("    li ").append(x(r)).append(", 0x").append(Long.toHexString(value)).append('\n');
        }
        out.append("    la s0, scratch + 2048\n");
    }

    /**
     * Stores x1..x31 to register_dump, writes the registers and the scratch buffer to stdout and
     * exits 0 (a short write exits 2). gp serves as the dump pointer: the body never writes it,
     * so its slot gets its one value, __global_pointer$.
     */
    private static void epilogue(StringBuilder out) {
        out.append("epilogue:\n");
        out.append("    la gp, register_dump\n");
        for (int r = 1; r < 32; r++) {
            if (r != 3) {
                out.append("    sd x").append(r).append(", ").append(8 * (r - 1)).append("(gp)\n");
            }
        }
        out.append("    la t0, __global_pointer$\n");
        out.append("    sd t0, 16(gp)\n");
        write(out, "register_dump", DUMP_REGISTERS * 8);
        write(out, "scratch", SCRATCH_BYTES);
        out.append("    li a0, 0\n    li a7, 93\n    ecall\n");
        out.append("short_write:\n    li a0, 2\n    li a7, 93\n    ecall\n");
    }

    private static void write(StringBuilder out, String buffer, int length) {
        out.append("    li a0, 1\n    la a1, ").append(buffer).append("\n    li a2, ").append(length)
                .append("\n    li a7, 64\n    ecall\n    li t0, ").append(length)
                .append("\n    bne a0, t0, short_write\n");
    }
}
