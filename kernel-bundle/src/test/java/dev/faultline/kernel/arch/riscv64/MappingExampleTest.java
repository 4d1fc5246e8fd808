package dev.faultline.kernel.arch.riscv64;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import dev.faultline.emulator.testing.Toolchain;
import dev.faultline.kernel.Kernel;

/** examples/mapping: the seL4 mapping tutorial on riscv64 prints exactly mapping.expected, fault report included. */
class MappingExampleTest {

    @Test
    void theMappingTutorialPrintsItsExpectedOutputAndFaultsOnTheWrite() throws IOException {
        Path folder = Toolchain.repositoryRoot().resolve("examples/mapping");
        GuestMachine machine = GuestMachine.program("example-mapping", folder.resolve("mapping.c"));
        assertEquals(Kernel.Exit.IDLE, machine.run());
        assertEquals(Files.readString(folder.resolve("mapping.expected")), machine.console.toString());
    }
}
