package dev.faultline.emulator.difftest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every trap guest under qemu-riscv64 and checks that it dies by the signal qemu-user maps
 * its exception to, with the last instruction qemu started being the one labelled trap_here
 * (for a fetch fault, the jump labelled trap_jump): the guests trap where the manifest says.
 */
class TrapGuestsTest {

    static Stream<Named<TrapGuest>> guests() {
        return TrapGuest.all().stream().map(g -> Named.of(g.name(), g));
    }

    @ParameterizedTest(name = "{0} traps at trap_here under qemu")
    @MethodSource("guests")
    void guestDiesByItsCausesSignalAtTheLabelledInstruction(TrapGuest guest) {
        Path elf = guest.build();
        Map<String, Long> symbols = ElfSymbols.read(elf);
        Long trapHere = symbols.get(TrapGuest.TRAP_SYMBOL);
        assertNotNull(trapHere, guest.name() + " defines no " + TrapGuest.TRAP_SYMBOL);
        // the rule must be computable for this ELF (its symbol exists)
        guest.tval().expected(trapHere, 0, symbols);
        QemuTrace trace = QemuTrace.run(elf, Duration.ofSeconds(30));
        int status = trace.result().exitCode();
        String output = trace.result().stdoutText() + trace.result().stderr();

        if (guest.qemuRaisesNoTrap()) {
            assertEquals(TrapGuest.NOT_TRAPPED_STATUS, status, guest.name() + " is listed as qemu-no-trap, but qemu "
                    + describe(status) + "; if qemu now traps, drop the flag\n" + output);
            assertTrue(trace.pcs().contains(trapHere), guest.name() + " never reached trap_here");
            return;
        }
        QemuSignal expected = QemuSignal.forCause(guest.cause());
        assertEquals(expected.exitStatus(), status, guest.name() + " (cause " + guest.cause() + ") should die by "
                + expected + " but qemu " + describe(status) + "\n" + output);
        if (guest.faultsOnFetch()) {
            Long jump = symbols.get(TrapGuest.JUMP_SYMBOL);
            assertNotNull(jump, guest.name() + " faults on fetch but labels no " + TrapGuest.JUMP_SYMBOL);
            assertEquals(hex(jump), hex(trace.lastPc()), guest.name() + ": the last instruction is not the jump");
            assertFalse(trace.pcs().contains(trapHere), guest.name() + ": the fetch at trap_here succeeded");
        } else {
            assertEquals(hex(trapHere), hex(trace.lastPc()), guest.name() + ": the trapping instruction is not trap_here");
        }
    }

    @Test
    void everyTrapGuestSourceIsInTheManifest() throws IOException {
        Set<String> listed = TrapGuest.all().stream().map(TrapGuest::name).collect(Collectors.toCollection(TreeSet::new));
        Set<String> sources;
        try (Stream<Path> files = Files.list(IsaGuest.isaDir().resolve("traps"))) {
            sources = files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".S"))
                    .map(f -> f.substring(0, f.length() - 2)).collect(Collectors.toCollection(TreeSet::new));
        }
        assertEquals(sources, listed, "traps.properties and traps/*.S differ");
    }

    @Test
    void qemuReportsAnUncaughtSignalAsTheExitStatusOfAKilledProcess() {
        // the premise of the check above, on a guest that must die by SIGTRAP
        TrapGuest ebreak = TrapGuest.all().stream().filter(g -> g.name().equals("ebreak")).findFirst().orElseThrow();
        QemuTrace trace = QemuTrace.run(ebreak.build(), Duration.ofSeconds(30));
        assertEquals(QemuSignal.SIGTRAP, QemuSignal.fromExitStatus(trace.result().exitCode()));
        assertEquals("", trace.result().stdoutText());
    }

    private static String describe(int status) {
        QemuSignal signal = QemuSignal.fromExitStatus(status);
        return signal != null ? "died by " + signal : "exited with status " + status;
    }

    private static String hex(long value) {
        return "0x" + Long.toHexString(value);
    }
}
