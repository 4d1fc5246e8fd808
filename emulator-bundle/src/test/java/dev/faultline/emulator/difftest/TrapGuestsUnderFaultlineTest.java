package dev.faultline.emulator.difftest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.faultline.emulator.bare.BareResult;
import dev.faultline.emulator.bare.LinuxSignal;
import dev.faultline.emulator.testing.BareRun;
import dev.faultline.emulator.testing.BareRun.Execution;
import dev.faultline.emulator.trap.Trap;
import dev.faultline.emulator.trap.TrapCause;

/**
 * Runs every trap guest on Faultline: it must trap at trap_here with the manifest's cause and
 * tval, and end with the status qemu gives. Guests that qemu 7.2 lets through against the
 * specification (marked qemu-no-trap) must trap here all the same.
 */
class TrapGuestsUnderFaultlineTest {

    static Stream<Arguments> guests() {
        return TrapGuest.all().stream().flatMap(g -> Stream.of(Execution.values())
                .map(execution -> Arguments.of(Named.of(g.name(), g), execution)));
    }

    @ParameterizedTest(name = "{0} traps at trap_here on Faultline, {1}")
    @MethodSource("guests")
    void guestTrapsWithTheManifestsCauseAndTvalAtTheLabelledInstruction(TrapGuest guest, Execution execution) {
        Path elf = guest.build();
        Map<String, Long> symbols = ElfSymbols.read(elf);
        long trapHere = symbols.get(TrapGuest.TRAP_SYMBOL);
        BareRun run = BareRun.of(elf, 10_000_000, execution);
        assertEquals(BareResult.Ending.TRAPPED, run.result().ending(), guest.name() + " did not trap: " + run.result()
                + "\n" + run.stdoutText());
        Trap trap = run.result().trap();
        assertNotNull(trap);
        assertEquals(TrapCause.fromCode(guest.cause()), trap.cause(), guest.name() + ": " + trap);
        assertEquals(hex(trapHere), hex(trap.pc()), guest.name() + ": trapped elsewhere: " + trap);
        long expectedTval = guest.tval().expected(trapHere, instructionBits(run, trapHere), symbols);
        assertEquals(hex(expectedTval), hex(trap.tval()), guest.name() + ": tval of " + trap);
        assertEquals(LinuxSignal.of(trap.cause()).exitStatus(), run.result().exitStatus());
    }

    private static long instructionBits(BareRun run, long pc) {
        byte[] bytes = new byte[4];
        run.runner().addressSpace().read(pc, bytes, 0, 4);
        long low = (bytes[0] & 0xff) | (bytes[1] & 0xff) << 8;
        return (low & 3) != 3 ? low : low | (bytes[2] & 0xffL) << 16 | (bytes[3] & 0xffL) << 24;
    }

    private static String hex(long value) {
        return "0x" + Long.toHexString(value);
    }
}
