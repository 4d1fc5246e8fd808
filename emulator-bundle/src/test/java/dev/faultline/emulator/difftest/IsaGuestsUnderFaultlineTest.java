package dev.faultline.emulator.difftest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.faultline.emulator.bare.BareResult;
import dev.faultline.emulator.testing.BareRun;
import dev.faultline.emulator.testing.BareRun.Execution;
import dev.faultline.emulator.testing.Toolchain;

/** Runs every self-checking ISA guest on Faultline's hart, interpreted and translated: each must pass, printing what qemu prints. */
class IsaGuestsUnderFaultlineTest {

    static Stream<Arguments> guests() {
        return IsaGuest.all().stream().flatMap(g -> Stream.of(Execution.values())
                .map(execution -> Arguments.of(Named.of(g.name(), g), execution)));
    }

    @ParameterizedTest(name = "{0} passes on Faultline, {1}")
    @MethodSource("guests")
    void guestPrintsPassAndExitsZeroOnFaultline(IsaGuest guest, Execution execution) {
        Path elf = guest.build();
        BareRun run = BareRun.of(elf, 100_000_000, execution);
        String output = run.stdoutText();
        assertEquals(BareResult.Ending.EXITED, run.result().ending(),
                guest.name() + " did not exit: " + run.result() + "\n" + output);
        assertEquals(0, run.result().exitStatus(), guest.name() + " failed on Faultline:\n" + output);
        Matcher pass = Pattern.compile(guest.passPattern()).matcher(output);
        assertTrue(pass.matches(), guest.name() + " wrote something other than one PASS line:\n" + output);
        assertEquals(Toolchain.qemu(elf, Duration.ofSeconds(60)).stdoutText(), output, "qemu and Faultline print alike");
    }
}
