package dev.faultline.kernel.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.faultline.emulator.testing.Toolchain;
import dev.faultline.kernel.Console;
import dev.faultline.kernel.Kernel;
import dev.faultline.kernel.KernelConfig;
import dev.faultline.kernel.object.CNode;
import dev.faultline.kernel.object.Capability.CNodeCap;
import dev.faultline.kernel.object.Cdt;
import dev.faultline.kernel.invariant.InvariantChecker;
import dev.faultline.kernel.object.Tcb;
import dev.faultline.kernel.object.TcbSlot;
import dev.faultline.kernel.sdk.SdkToolchain;

/** Loading described systems: programs get their caps, named slots their variables, and they run. */
class SystemLoaderTest {

    private final StringBuilder console = new StringBuilder();
    private final Kernel kernel = new Kernel(KernelConfig.DEFAULT, new Console() {
        @Override
        public void guestByte(int b) {
            console.append((char) b);
        }

        @Override
        public void kernelReport(String text) {
            console.append(text);
        }
    });

    {
        InvariantChecker.checkAfterEveryEntry(kernel);
    }

    private static Path guest(String name) {
        return SdkToolchain.buildProgram("system-" + name, Toolchain.repositoryRoot()
                .resolve("kernel-bundle/src/test/guest/system/" + name + ".c"));
    }

    private static Path write(String text) throws IOException {
        Path dir = Toolchain.buildDir().resolve("systems");
        Files.createDirectories(dir);
        Path file = dir.resolve("test.system");
        Files.writeString(file, text.replace("CLIENT", guest("client").toString()).replace("SERVER", guest("server").toString()));
        return file;
    }

    @Test
    void aClientAndAServerTalkThroughTheirBoundEndpointCaps() throws Exception {
        Path file = write("""
                endpoint ep
                program server "SERVER" {
                    priority 200
                    cap endpoint = ep
                }
                program client "CLIENT" {
                    priority 100
                    cap endpoint = ep badge 22
                    cap self = tcb self
                }
                """);
        Map<String, Tcb> threads = SystemLoader.load(kernel, SystemParser.parse(file));
        assertEquals(Kernel.Exit.IDLE, kernel.run(50_000_000));
        assertEquals("server: got 20 from badge 22\nclient: 42 (label 0)\n", console.toString());
        assertEquals(dev.faultline.kernel.object.ThreadState.INACTIVE, threads.get("client").state(),
                "main returned and the client suspended itself through its exit TCB");
        assertEquals(dev.faultline.kernel.object.ThreadState.BLOCKED_ON_RECEIVE, threads.get("server").state());
    }

    @Test
    void capsToOneObjectAreCopiesOfOneAnotherSoDeletingOneFinalisesNothing() throws Exception {
        Path file = write("""
                endpoint ep
                program server "SERVER" {
                    cap endpoint = ep
                    slot 5 = cnode client
                    slot 6 = tcb client
                    slot 7 = vspace client
                }
                program client "CLIENT" {
                    cap endpoint = ep badge 22
                    cap self = tcb self
                }
                """);
        Map<String, Tcb> threads = SystemLoader.load(kernel, SystemParser.parse(file));
        Tcb client = threads.get("client");
        // The client's own CNode and VSpace caps in its TCB have copies in the server's CNode, and
        // its TCB cap in its own CNode has one there too: none of them is the last.
        assertFalse(Cdt.isFinal(client.slot(TcbSlot.CSPACE_ROOT)));
        assertFalse(Cdt.isFinal(client.slot(TcbSlot.VSPACE_ROOT)));
        CNode clientCNode = ((CNodeCap) client.slot(TcbSlot.CSPACE_ROOT).cap()).cnode();
        assertFalse(Cdt.isFinal(clientCNode.slot(2)), "the client's tcb self");
        assertFalse(Cdt.isFinal(clientCNode.slot(1)), "the badged endpoint");
        // So replacing the client's CNode cap (as TCB_SetSpace does) leaves its CNode and thread be.
        Cdt.delete(client.slot(TcbSlot.CSPACE_ROOT), (cap, isFinal) -> assertFalse(isFinal, cap.toString()));
    }

    @Test
    void aNamedCapWithoutItsVariableInTheProgramIsAnError() throws Exception {
        Path file = write("""
                endpoint ep
                program server "SERVER" {
                    cap endpoint = ep
                    cap missing = ep
                }
                """);
        SystemDescriptionException e = assertThrows(SystemDescriptionException.class,
                () -> SystemLoader.load(kernel, SystemParser.parse(file)));
        assertEquals("test.system:4: program server has no variable 'missing' to bind: declare 'seL4_CPtr missing;' in"
                + " it, or fill the slot with 'slot N = ...' instead", e.getMessage());
    }

    @Test
    void aMissingProgramFileIsNamedWithItsLine() throws Exception {
        Path file = write("program ghost \"ghost.elf\" {\n}\n");
        SystemDescriptionException e = assertThrows(SystemDescriptionException.class,
                () -> SystemLoader.load(kernel, SystemParser.parse(file)));
        assertTrue(e.getMessage().startsWith("test.system:1: program ghost: no such file "), e.getMessage());
    }
}
