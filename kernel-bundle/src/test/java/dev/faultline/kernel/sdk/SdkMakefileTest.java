package dev.faultline.kernel.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.faultline.emulator.testing.Toolchain;
import dev.faultline.emulator.testing.Toolchain.ProcessResult;

/** sdk.mk builds a guest the documented way, and the guest runs on the hart. */
class SdkMakefileTest {

    @Test
    void theMakefileFragmentBuildsAGuestThatPrintsThroughTheKernelConsole() throws IOException {
        Path dir = Toolchain.buildDir().resolve("sdk-make");
        Files.createDirectories(dir);
        Files.deleteIfExists(dir.resolve("hello.elf"));
        Files.writeString(dir.resolve("hello.c"), """
                #include <stdio.h>
                #include <sel4/sel4.h>

                int main(void)
                {
                    printf("hello from slot %lu\\n", (unsigned long) seL4_CapInitThreadTCB);
                    return 0;
                }
                """);
        Files.writeString(dir.resolve("Makefile"), "include " + SdkToolchain.sdk().resolve("sdk.mk") + "\n");
        ProcessResult make = Toolchain.run(List.of("make", "-s", "-C", dir.toString(), "hello.elf", "CFLAGS=-O2 -Wall -Werror"),
                Duration.ofMinutes(2), "make");
        assertEquals(0, make.exitCode(), make.stderr());
        SdkGuest guest = SdkGuest.rootTask(dir.resolve("hello.elf"));
        assertEquals(SdkGuest.Ending.EXITED, guest.run(KernelAnswer.NONE));
        assertEquals("hello from slot 1\n", guest.console());
    }
}
