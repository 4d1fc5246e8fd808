package dev.faultline.emulator.difftest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.faultline.emulator.testing.Toolchain;
import dev.faultline.emulator.testing.Toolchain.ProcessResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Runs every self-checking ISA guest under qemu-riscv64, the reference, to prove the guests right. */
class IsaGuestsUnderQemuTest {

    static Stream<Named<IsaGuest>> guests() {
        return IsaGuest.all().stream().map(g -> Named.of(g.name(), g));
    }

    @ParameterizedTest(name = "{0} passes under qemu")
    @MethodSource("guests")
    void guestPrintsPassAndExitsZeroUnderQemu(IsaGuest guest) {
        Path elf = guest.build();
        ProcessResult run = Toolchain.qemu(elf, Duration.ofSeconds(60));
        String output = run.stdoutText();
        assertEquals(0, run.exitCode(), guest.name() + " exited " + run.exitCode() + ":\n" + output + run.stderr());
        Matcher pass = Pattern.compile(guest.passPattern()).matcher(output);
        assertTrue(pass.matches(), guest.name() + " wrote something other than one PASS line:\n" + output);
        assertTrue(Integer.parseInt(pass.group(1)) > 0, guest.name() + " ran no cases");
    }

    @Test
    void everyGuestSourceOfTheIsaFolderIsInTheManifest() throws IOException {
        Set<String> listed = IsaGuest.all().stream().map(IsaGuest::source).collect(Collectors.toSet());
        Set<String> sources;
        try (Stream<Path> files = Files.list(IsaGuest.isaDir())) {
            sources = files.map(f -> f.getFileName().toString())
                    .filter(f -> f.endsWith(".S") || f.endsWith(".c"))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        assertEquals(sources, new TreeSet<>(listed), "guests.properties and the sources of " + IsaGuest.isaDir() + " differ");
    }

    @Test
    void aFailingCaseReportsItsProgramCaseNumberAndBothValues() throws IOException {
        Path source = Toolchain.buildDir().resolve("isa-harness-probe/probe.S");
        Files.createDirectories(source.getParent());
        Files.writeString(source, String.join("\n", List.of(
                "#include \"macros.h\"",
                "TEST_BEGIN probe",
                "    li a0, 7",
                "    CHECK a0, 7, \"seven\"",
                "    li a0, -1",
                "    CHECK a0, 0x10, \"deliberately wrong\"",
                "TEST_END", "")));
        ProcessResult run = Toolchain.qemu(GuestBuild.compile("isa-harness-probe", source, List.of()), Duration.ofSeconds(30));
        assertEquals(1, run.exitCode(), run.stdoutText());
        assertEquals("FAIL probe case 2: deliberately wrong (got 0xffffffffffffffff, expected 0x0000000000000010)\n",
                run.stdoutText());
    }

    @Test
    void aSkippedCaseFailsTheCountCheckEvenWhenEveryCaseRunPassed() throws IOException {
        Path source = Toolchain.buildDir().resolve("isa-harness-skip/skip.S");
        Files.createDirectories(source.getParent());
        Files.writeString(source, String.join("\n", List.of(
                "#include \"macros.h\"",
                "TEST_BEGIN skip",
                "    li a0, 7",
                "    CHECK a0, 7, \"seven\"",
                "    j 1f",
                "    CHECK a0, 7, \"jumped over\"",
                "1:",
                "TEST_END", "")));
        ProcessResult run = Toolchain.qemu(GuestBuild.compile("isa-harness-skip", source, List.of()), Duration.ofSeconds(30));
        assertEquals(1, run.exitCode(), run.stdoutText());
        assertEquals("FAIL skip case 0: checks run differ from checks assembled (got 0x0000000000000001, expected 0x0000000000000002)\n",
                run.stdoutText());
    }
}
