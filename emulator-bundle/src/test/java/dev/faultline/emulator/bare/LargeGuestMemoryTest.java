package dev.faultline.emulator.bare;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.faultline.emulator.testing.BareRun;
import dev.faultline.emulator.testing.Toolchain;
import dev.faultline.emulator.testing.Toolchain.ProcessResult;

/**
 * Memory is paid per page a guest touches: a guest that writes every page of 256 MiB runs to
 * its end in a JVM limited to a 512 MiB heap.
 */
class LargeGuestMemoryTest {

    /** Runs a bare guest in this JVM and exits with its status: the child process of the test. */
    public static void main(String[] args) {
        BareRun run = BareRun.of(Path.of(args[0]), Long.MAX_VALUE);
        System.out.print(run.stdoutText());
        System.exit(run.result().exitStatus());
    }

    @Test
    void aGuestTouching256MibRunsIn512MibOfHeap() {
        Path elf = Toolchain.compileBare("touch", List.of("-O2"),
                Toolchain.moduleDir().resolve("src/test/guest/memory/touch.c"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessResult child = Toolchain.run(List.of(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                LargeGuestMemoryTest.class.getName(), elf.toString()), Duration.ofMinutes(3), "a JDK");
        assertEquals(0, child.exitCode(), child.stdoutText() + child.stderr());
        assertEquals("touched 256 MiB\n", child.stdoutText());
    }
}
