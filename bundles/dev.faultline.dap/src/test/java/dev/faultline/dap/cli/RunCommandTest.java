package dev.faultline.dap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.faultline.emulator.testing.Toolchain;
import dev.faultline.emulator.testing.Toolchain.ProcessResult;

/** `faultline run`: root tasks on the kernel model, and bare guests with --bare. */
class RunCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Main.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private static Path example(String name) {
        return Toolchain.compileBare("example-" + name, List.of("-O2", "-g"),
                Toolchain.repositoryRoot().resolve("examples/bare/" + name + ".c"));
    }

    @Test
    void aBareGuestPrintsItsConsoleAndExitsWithItsStatus() {
        assertEquals(0, run("run", "--bare", example("hello").toString()), stderr());
        assertEquals("hello from a RISC-V guest\n", stdout());
    }

    @Test
    void aGuestThatTrapsEndsWithTheSignalStatusAndATrapReport(@TempDir Path dir) throws IOException {
        Path source = dir.resolve("crash.c");
        Files.writeString(source, "int main(void) { return *(volatile int *) 8; }\n");
        Path elf = Toolchain.compileBare("crash", List.of("-O2"), source);
        assertEquals(139, run("run", "--bare", elf.toString()), "SIGSEGV, as under qemu-riscv64");
        assertTrue(stderr().contains("load page fault (cause 13)"), stderr());
        assertTrue(stderr().contains("tval 0x8"), stderr());
        assertTrue(stderr().contains("sp  "), "the registers follow: " + stderr());
    }

    @Test
    void theLimitStopsARunawayGuestWithStatus124(@TempDir Path dir) throws IOException {
        Path source = dir.resolve("spin.c");
        Files.writeString(source, "int main(void) { for (;;) { __asm__ volatile(\"\"); } }\n");
        Path elf = Toolchain.compileBare("spin", List.of("-O2"), source);
        assertEquals(124, run("run", "--bare", "--limit", "10_000", elf.toString()));
        assertTrue(stderr().contains("stopped after 10000 instructions"), stderr());
    }

    @Test
    void aMissingFileIsNamed() {
        assertEquals(2, run("run", "--bare", "/no/such/guest.elf"));
        assertEquals("faultline: /no/such/guest.elf: no such file\n", stderr());
    }

    @Test
    void aFileThatIsNotAnElfGetsTheOffsetAndFieldThatAreWrong(@TempDir Path dir) throws IOException {
        Path text = dir.resolve("notes.txt");
        Files.writeString(text, "these are not the instructions you are looking for\n");
        assertEquals(2, run("run", "--bare", text.toString()));
        assertTrue(stderr().startsWith("faultline: not a RISC-V executable: "), stderr());
        assertTrue(stderr().contains("offset 0x0"), stderr());
    }

    private static final Path SDK = Toolchain.repositoryRoot().resolve("kernel-bundle/src/main/sdk");

    /** An example root task as examples/Makefile builds it (the same program the kernel's example tests check). */
    private static Path rootExample(String name) {
        Path out = Toolchain.buildDir().resolve("examples");
        Path elf = out.resolve(name + ".elf");
        ProcessResult made = Toolchain.run(List.of("make", "--no-print-directory", "-C",
                Toolchain.repositoryRoot().resolve("examples").toString(), "OUT=" + out, elf.toString()),
                Duration.ofMinutes(2), "make");
        assertEquals(0, made.exitCode(), made.stderr());
        return elf;
    }

    private static String expected(String name) throws IOException {
        return Files.readString(Toolchain.repositoryRoot().resolve("examples/" + name + "/" + name + ".expected"));
    }

    /** A root task from C source, built against the SDK as sdk.mk builds one. */
    private static Path rootTask(Path dir, String name, String source) throws IOException {
        Path file = dir.resolve(name + ".c");
        Files.writeString(file, source);
        List<String> flags = List.of("-march=rv64imac", "-mabi=lp64", "-mcmodel=medany", "-ffreestanding", "-nostdlib",
                "-static", "-O2", "-I" + SDK.resolve("include"), "-T", SDK.resolve("link.ld").toString());
        List<Path> sources = List.of(SDK.resolve("crt0.S"), SDK.resolve("printf.c"), file);
        List<Path> dependencies = new ArrayList<>(sources);
        dependencies.add(SDK.resolve("link.ld"));
        return Toolchain.compile("run-" + name, flags, dependencies, sources);
    }

    @Test
    void aRootTaskPrintsItsConsoleAndExitsWithTheValueMainReturned() throws IOException {
        assertEquals(0, run("run", rootExample("ipc").toString()), stderr());
        assertEquals(expected("ipc"), stdout());
        assertEquals("", stderr());
    }

    @Test
    void theKernelsReportsComeOnStdoutInOrderWithTheGuestsOutput() throws IOException {
        assertEquals(0, run("run", rootExample("threads").toString()), stderr());
        assertEquals(expected("threads"), stdout(), "the scheduler dumps between the guest's lines");
    }

    @Test
    void theStatusIsTheLowByteOfMainsValueAsForAProcess(@TempDir Path dir) throws IOException {
        assertEquals(3, run("run", rootTask(dir, "three", "int main(void) { return 3; }\n").toString()));
        assertEquals(255, run("run", rootTask(dir, "minus", "int main(void) { return -1; }\n").toString()));
        assertEquals(2, run("run", rootTask(dir, "wide", "int main(void) { return 0x102; }\n").toString()));
    }

    @Test
    void aRootTaskThatSuspendsItselfEndsWith125AndSaysMainNeverReturned() throws IOException {
        assertEquals(MachineRun.EXIT_NO_RETURN, run("run", rootExample("capabilities").toString()));
        assertEquals(expected("capabilities"), stdout());
        assertEquals("faultline: capabilities.elf did not return from main: the root thread was suspended\n", stderr());
    }

    @Test
    void aRootTaskThatFaultsWithoutAHandlerEndsWith125AfterTheKernelsReport(@TempDir Path dir) throws IOException {
        Path elf = rootTask(dir, "crash", "#include <stdio.h>\n"
                + "int main(void) { printf(\"before\\n\"); return *(volatile int *) 8; }\n");
        assertEquals(MachineRun.EXIT_NO_RETURN, run("run", elf.toString()));
        assertTrue(stdout().startsWith("before\nCaught cap fault in send phase at address "), stdout());
        assertTrue(stdout().contains("while trying to handle:\nvm fault on data at address "), stdout());
        assertTrue(stderr().contains("the root thread faulted with no fault handler"), stderr());
    }

    @Test
    void aRootTaskThatWaitsForeverEndsWith125WhenTheMachineIsIdle(@TempDir Path dir) throws IOException {
        Path elf = rootTask(dir, "wait", "#include <sel4/sel4.h>\n#include <sel4platsupport/bootinfo.h>\n"
                + "int main(void) {\n"
                + "    seL4_BootInfo *info = platsupport_get_bootinfo();\n"
                + "    seL4_CPtr slot = info->empty.start;\n"
                + "    for (seL4_CPtr u = info->untyped.start; u < info->untyped.end; u++) {\n"
                + "        if (seL4_Untyped_Retype(u, seL4_NotificationObject, 0, seL4_CapInitThreadCNode, 0, 0,"
                + " slot, 1) == seL4_NoError) break;\n"
                + "    }\n"
                + "    seL4_Wait(slot, (seL4_Word *) 0);\n"
                + "    return 0;\n}\n");
        assertEquals(MachineRun.EXIT_NO_RETURN, run("run", elf.toString()));
        assertEquals("faultline: run-wait.elf did not return from main: the root thread is blocked on ntfn and nothing"
                + " is left to wake it\n", stderr());
    }

    @Test
    void aRootTaskThatHaltsTheMachineEndsWith125(@TempDir Path dir) throws IOException {
        Path elf = rootTask(dir, "halt", "#include <sel4/sel4.h>\nint main(void) { seL4_DebugHalt(); return 0; }\n");
        assertEquals(MachineRun.EXIT_NO_RETURN, run("run", elf.toString()));
        assertTrue(stdout().startsWith("Debug halt syscall from user thread"), stdout());
        assertTrue(stderr().contains("a thread halted the machine (seL4_DebugHalt)"), stderr());
    }

    @Test
    void theLimitStopsARunawayRootTaskWithStatus124(@TempDir Path dir) throws IOException {
        Path elf = rootTask(dir, "spin", "int main(void) { for (;;) { __asm__ volatile(\"\"); } }\n");
        assertEquals(124, run("run", "--limit", "50_000", elf.toString()));
        assertTrue(stderr().contains("was stopped after 50000 instructions (--limit)"), stderr());
    }

    @Test
    void aProgramNotLinkedWithTheSdksCrt0HasNoExitStatus() {
        assertEquals(MachineRun.EXIT_NO_RETURN, run("run", example("hello").toString()));
        assertTrue(stdout().contains("unknown syscall 0x40"), "Linux's write is no seL4 call: " + stdout());
        assertTrue(stderr().contains("it was not linked with the Faultline SDK's crt0"), stderr());
    }

    @Test
    void anImageTooBigToBootIsRefusedWithStatus2(@TempDir Path dir) throws IOException {
        Path elf = rootTask(dir, "huge", "char big[300UL << 20];\n"
                + "int main(void) { ((volatile char *) big)[0] = 1; return 0; }\n");
        assertEquals(2, run("run", elf.toString()));
        assertTrue(stderr().startsWith("faultline: cannot boot " + elf.getFileName() + " as a root task: "), stderr());
        assertTrue(stderr().contains("root CNode"), stderr());
        assertEquals("", stdout());
    }

    @Test
    void aMissingRootTaskOrOneThatIsNotAnElfIsNamed(@TempDir Path dir) throws IOException {
        assertEquals(2, run("run", "/no/such/root.elf"));
        assertEquals("faultline: /no/such/root.elf: no such file\n", stderr());
        Path text = dir.resolve("notes.txt");
        Files.writeString(text, "not a program\n");
        err.reset();
        assertEquals(2, run("run", text.toString()));
        assertTrue(stderr().startsWith("faultline: notes.txt:1: expected a declaration"),
                "text that is no ELF is read as a system description: " + stderr());
        Path binary = dir.resolve("blob.bin");
        Files.write(binary, new byte[] {0x7f, 'E', 'L', 0, 1, 2});
        err.reset();
        assertEquals(2, run("run", binary.toString()));
        assertEquals("faultline: " + binary + ": neither an ELF executable (no ELF magic) nor a system description"
                + " (not text)\n", stderr());
    }

    @Test
    void badArgumentsGetTheUsage() {
        assertEquals(Main.EXIT_USAGE, run("run", "--bare"));
        assertTrue(stderr().contains("no program named"), stderr());
        assertEquals(Main.EXIT_USAGE, run("run", "--limit", "lots", "x.elf"));
        assertTrue(stderr().contains("not 'lots'"), stderr());
        assertEquals(Main.EXIT_USAGE, run("run", "--limit", "0", "x.elf"));
        assertTrue(stderr().contains("not '0'"), stderr());
    }

    private static final String SERVER = """
            #include <sel4/sel4.h>
            #include <stdio.h>
            seL4_CPtr endpoint;
            int main(void) {
                seL4_Word badge;
                seL4_Recv(endpoint, &badge);
                for (;;) {
                    printf("server: %lu from badge %lu\\n", (unsigned long) seL4_GetMR(0), (unsigned long) badge);
                    seL4_SetMR(0, seL4_GetMR(0) + 1);
                    seL4_ReplyRecv(endpoint, seL4_MessageInfo_new(0, 0, 0, 1), &badge);
                }
            }
            """;

    private static final String CLIENT = """
            #include <sel4/sel4.h>
            #include <stdio.h>
            seL4_CPtr endpoint;
            seL4_CPtr self;
            int main(void) {
                seL4_SetMR(0, 41);
                seL4_Call(endpoint, seL4_MessageInfo_new(0, 0, 0, 1));
                printf("client: %lu\\n", (unsigned long) seL4_GetMR(0));
                return (int) seL4_GetMR(0) - 42;
            }
            """;

    private Path system(Path dir, String client, String text) throws IOException {
        Path server = rootTask(dir, "server", SERVER);
        Path clientElf = rootTask(dir, "client", client);
        Path file = dir.resolve("pair.system");
        Files.writeString(file, text.replace("SERVER", server.toString()).replace("CLIENT", clientElf.toString()));
        return file;
    }

    private static final String PAIR = """
            endpoint ep
            program server "SERVER" {
                priority 200
                cap endpoint = ep
            }
            program client "CLIENT" {
                priority 100
                cap endpoint = ep badge 7
                cap self = tcb self
            }
            """;

    @Test
    void aSystemDescriptionRunsItsProgramsAndEndsWithZeroWhenTheirMainsDo(@TempDir Path dir) throws IOException {
        assertEquals(0, run("run", system(dir, CLIENT, PAIR).toString()), stderr());
        assertEquals("server: 41 from badge 7\nclient: 42\n", stdout(), "no fault, so no fault log");
    }

    @Test
    void aSystemEndsWithTheFirstNonZeroValueAProgramsMainReturned(@TempDir Path dir) throws IOException {
        assertEquals(3, run("run", system(dir, CLIENT.replace("- 42", "- 39"), PAIR).toString()), stderr());
    }

    @Test
    void aFaultIsReportedAfterTheConsoleInTheFaultLog(@TempDir Path dir) throws IOException {
        String crashing = CLIENT.replace("return (int)", "*(volatile int *) 16 = 1;\n    return (int)");
        assertEquals(0, run("run", system(dir, crashing, PAIR).toString()), stderr());
        String out = stdout();
        int log = out.indexOf("\nFault log: 1 fault\n");
        assertTrue(log > 0, out);
        assertTrue(out.indexOf("client: 42\n") < out.indexOf("Caught cap fault"), "the console first: " + out);
        String entry = out.substring(log);
        assertTrue(entry.contains("thread "), entry);
        assertTrue(entry.contains("\"client\": vm fault on data at address 0x10"), entry);
        assertTrue(entry.contains("message: VMFault IP=0x"), entry);
        assertTrue(entry.contains("Addr=0x10 PrefetchFault=0x0 FSR=0x7"), entry);
        assertTrue(entry.contains("handler: none"), entry);
        assertTrue(entry.contains("outcome: double fault"), entry);
        assertTrue(entry.contains("trapframe:\n      pc   "), entry);
    }

    @Test
    void aBadSystemDescriptionIsNamedWithItsLineAndNothingRuns(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("bad.system");
        Files.writeString(file, "endpoint ep\nprogram p \"p.elf\" {\n    priority 999\n}\n");
        assertEquals(2, run("run", file.toString()));
        assertTrue(stderr().startsWith("faultline: bad.system:3: "), stderr());
        assertEquals("", stdout());
    }

    @Test
    void theTimerOptionGivesARootTaskATimerInterrupt(@TempDir Path dir) throws IOException {
        Path elf = rootTask(dir, "tick", """
                #include <sel4/sel4.h>
                #include <sel4platsupport/bootinfo.h>
                #include <stdio.h>
                int main(void) {
                    seL4_BootInfo *info = platsupport_get_bootinfo();
                    seL4_CPtr ntfn = info->empty.start, irq = ntfn + 1;
                    for (seL4_CPtr u = info->untyped.start; u < info->untyped.end; u++) {
                        if (seL4_Untyped_Retype(u, seL4_NotificationObject, 0, seL4_CapInitThreadCNode, 0, 0,
                                ntfn, 1) == seL4_NoError) break;
                    }
                    if (seL4_IRQControl_Get(seL4_CapIRQControl, 5, seL4_CapInitThreadCNode, irq, 64) != seL4_NoError
                            || seL4_IRQHandler_SetNotification(irq, ntfn) != seL4_NoError) {
                        return 1;
                    }
                    for (int i = 0; i < 3; i++) {
                        seL4_Wait(ntfn, (seL4_Word *) 0);
                        seL4_IRQHandler_Ack(irq);
                    }
                    printf("three ticks\\n");
                    return 0;
                }
                """);
        assertEquals(MachineRun.EXIT_NO_RETURN, run("run", elf.toString()), "no timer, so the first wait never ends");
        out.reset();
        err.reset();
        assertEquals(0, run("run", "--timer", "10_000:5", elf.toString()), stderr());
        assertEquals("three ticks\n", stdout());
        assertEquals(64, run("run", "--timer", "10:64", elf.toString()));
        assertTrue(stderr().contains("--timer takes PERIOD or PERIOD:IRQ"), stderr());
    }
}
