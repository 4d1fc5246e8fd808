package dev.faultline.emulator.difftest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.faultline.emulator.bare.BareResult;
import dev.faultline.emulator.testing.BareRun;
import dev.faultline.emulator.testing.BareRun.Execution;
import dev.faultline.emulator.testing.Toolchain;
import dev.faultline.emulator.testing.Toolchain.ProcessResult;

/**
 * Differential test: random RV64IMAC programs run under qemu-riscv64 and on Faultline must end
 * with the same 31 registers and the same scratch memory, whether the hart interprets them or
 * translates them. Seeds are fixed so a failure repeats.
 */
class RandomProgramsAgreeWithQemuTest {

    private static final int LENGTH = 3000;

    static Stream<Arguments> runs() {
        return LongStream.rangeClosed(1, 40).boxed()
                .flatMap(seed -> Stream.of(Execution.values()).map(execution -> Arguments.of(seed, execution)));
    }

    @ParameterizedTest(name = "seed {0}, {1}")
    @MethodSource("runs")
    void finalRegistersAndMemoryMatchQemu(long seed, Execution execution) {
        Path elf = RandomProgram.build(seed, LENGTH);
        String origin = "seed " + seed + ", " + LENGTH + " instructions, " + execution;
        ProcessResult qemu = Toolchain.qemu(elf, Duration.ofSeconds(60));
        assertEquals(0, qemu.exitCode(), origin + " under qemu: " + qemu.stderr());
        BareRun faultline = BareRun.of(elf, 10_000_000, execution);
        assertEquals(BareResult.Ending.EXITED, faultline.result().ending(), origin + " on Faultline: " + faultline.result());
        RegisterDump.assertSameAs(RegisterDump.parse("qemu, " + origin, qemu.stdout()),
                RegisterDump.parse("Faultline, " + origin, faultline.stdout()));
    }
}
