package dev.faultline.emulator.difftest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.faultline.emulator.testing.Toolchain;
import dev.faultline.emulator.testing.Toolchain.ProcessResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The random differential programs: deterministic, broad, and runnable under qemu with a full dump. */
class RandomProgramTest {

    private static final int LENGTH = 2000;

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 20);
    }

    @ParameterizedTest(name = "seed {0} runs to exit 0 under qemu and dumps its state")
    @MethodSource("seeds")
    void programRunsToExitZeroUnderQemuAndWritesAFullDump(long seed) {
        Path elf = RandomProgram.build(seed, LENGTH);
        ProcessResult run = Toolchain.qemu(elf, Duration.ofSeconds(60));
        assertEquals(0, run.exitCode(), "seed " + seed + ": " + run.stderr());
        assertEquals(RandomProgram.DUMP_BYTES, run.stdout().length, "seed " + seed + ": dump size");
        RegisterDump dump = RegisterDump.parse("qemu seed " + seed, run.stdout());
        assertEquals(ElfSymbols.read(elf).get("scratch") + 2048, dump.register(8), "seed " + seed + ": s0 moved");
    }

    @Test
    void theSameSeedGivesTheSameProgramAndTheSameDump() {
        assertEquals(RandomProgram.generate(7, 500), RandomProgram.generate(7, 500));
        assertNotEquals(RandomProgram.generate(7, 500), RandomProgram.generate(8, 500));
        Path elf = RandomProgram.build(7, 500);
        RegisterDump first = RegisterDump.parse("first run", Toolchain.qemu(elf, Duration.ofSeconds(30)).stdout());
        RegisterDump second = RegisterDump.parse("second run", Toolchain.qemu(elf, Duration.ofSeconds(30)).stdout());
        assertEquals(first, second, first.differencesFrom(second));
    }

    @Test
    void programsDrawFromEveryInstructionGroup() {
        StringBuilder all = new StringBuilder();
        seeds().forEach(seed -> all.append(RandomProgram.generate(seed, LENGTH)));
        Set<String> mnemonics = new TreeSet<>();
        Matcher m = Pattern.compile("(?m)^    ([a-z][a-z0-9.]*)(?: |$)").matcher(all);
        while (m.find()) {
            mnemonics.add(m.group(1));
        }
        for (String expected : new String[] {"add", "subw", "sraiw", "mulhsu", "remuw", "lui", "auipc", "lb", "lwu",
            "sd", "amoswap.w", "amomaxu.d", "lr.d", "sc.w", "bgeu", "jal", "jalr", "c.addi4spn", "c.lui", "c.srai",
            "c.subw", "c.ld", "c.sd", "c.jalr", "c.jr", "c.beqz", "c.bnez", "c.j", "fence.i"}) {
            assertTrue(mnemonics.contains(expected), expected + " never generated in 20 programs: " + mnemonics);
        }
    }
}
