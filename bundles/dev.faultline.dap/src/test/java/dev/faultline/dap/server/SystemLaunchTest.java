package dev.faultline.dap.server;

import static dev.faultline.dap.server.TestClient.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.eclipse.lsp4j.debug.Module;
import org.eclipse.lsp4j.debug.ModulesArguments;
import org.eclipse.lsp4j.debug.StoppedEventArguments;
import org.eclipse.lsp4j.debug.Thread;
import org.junit.jupiter.api.Test;

import dev.faultline.emulator.testing.Toolchain;

/** Launching a system description: one thread and one module per program, breakpoints in each program's source. */
class SystemLaunchTest extends ServerFixture {

    private static Path system() throws IOException {
        Path file = Toolchain.buildDir().resolve("dap-systems/pair.system");
        Files.createDirectories(file.getParent());
        Files.writeString(file, """
                endpoint ep
                program server "%s" {
                    priority 200
                    cap endpoint = ep
                }
                program client "%s" {
                    priority 100
                    cap endpoint = ep badge 22
                    cap self = tcb self
                }
                """.formatted(Guests.systemProgram("server"), Guests.systemProgram("client")));
        return file;
    }

    @Test
    void aSystemDescriptionLaunchesEveryProgramAndStopsInTheServersSource() throws IOException {
        int thread = launchStopped(system());
        List<String> names = Arrays.stream(await(client.server().threads()).getThreads()).map(Thread::getName).toList();
        assertEquals(2, names.size(), names.toString());
        assertTrue(names.get(0).startsWith("server") && names.get(1).startsWith("client"), names.toString());
        Module[] modules = await(client.server().modules(new ModulesArguments())).getModules();
        assertEquals(List.of("server", "client"), Arrays.stream(modules).map(Module::getName).toList());
        Path server = Guests.systemSource("server");
        int printf = lineOf(server, "printf(\"server: got");
        org.eclipse.lsp4j.debug.Breakpoint set = setBreakpoints(server, at(printf))[0];
        assertTrue(set.isVerified(), set.getMessage());
        resume(thread);
        StoppedEventArguments stopped = client.stopped();
        assertEquals("breakpoint", stopped.getReason());
        assertEquals(set.getInstructionReference(), frames(stopped.getThreadId())[0].getInstructionPointerReference());
        assertTrue(names.get(0).endsWith("(tcb " + stopped.getThreadId() + ")"), "the server's thread stopped: "
                + names + " " + stopped.getThreadId());
    }
}
