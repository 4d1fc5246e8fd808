package dev.faultline.kernel.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import dev.faultline.kernel.system.SystemDescription.CapKind;
import dev.faultline.kernel.system.SystemDescription.Program;

/** Reading system descriptions: what they declare, and an error with file and line for each mistake. */
class SystemParserTest {

    private static final Path FILE = Path.of("/systems/demo.system");

    private static SystemDescription parse(String text) throws SystemDescriptionException {
        return SystemParser.parse(FILE, text);
    }

    private static String error(String text) {
        return assertThrows(SystemDescriptionException.class, () -> parse(text)).getMessage();
    }

    @Test
    void programsGetTheirCapsInSlotsFromOneInDeclarationOrder() throws SystemDescriptionException {
        SystemDescription system = parse("""
                # two programs and an endpoint
                endpoint ep
                notification signal
                frame shared 4k

                program server "server.elf" {
                    priority 200
                    cap endpoint = ep rights RWG
                    slot 5 = signal rights R
                    cap spare = empty
                    cap fault_ep = ep badge 0xbeef
                    fault_handler fault_ep
                    map shared 0x4000_0000 rw
                }
                program client "bin/client.elf" {
                    cap endpoint = ep badge 7
                    cap server_tcb = tcb server
                }
                """);
        assertEquals(3, system.objects().size());
        Program server = system.programs().get(0);
        assertEquals(Path.of("/systems/server.elf"), server.elf());
        assertEquals(200, server.priority());
        assertEquals(SystemParser.DEFAULT_CNODE_BITS, server.cnodeBits());
        assertEquals(1, server.slots().get(0).index());
        assertEquals(5, server.slots().get(1).index());
        assertEquals(2, server.slots().get(2).index(), "named caps skip no slot but fill from 1");
        assertEquals(3, server.slots().get(3).index());
        assertEquals(0xbeef, server.slots().get(3).cap().badge());
        assertEquals("fault_ep", server.faultHandler());
        assertEquals(0x4000_0000L, server.mappings().get(0).address());
        Program client = system.programs().get(1);
        assertEquals(Path.of("/systems/bin/client.elf"), client.elf());
        assertEquals(SystemParser.DEFAULT_PRIORITY, client.priority());
        assertEquals(CapKind.TCB, client.slots().get(1).cap().kind());
    }

    @Test
    void aDriverMayHoldIrqControlOrAnIrqHandler() throws SystemDescriptionException {
        SystemDescription system = parse("""
                timer every 1000 instructions irq 2
                program driver "driver.elf" {
                    cap irq_control = irq_control
                    cap timer_irq = irq 2
                }
                """);
        Program driver = system.programs().get(0);
        assertEquals(CapKind.IRQ_CONTROL, driver.slots().get(0).cap().kind());
        assertEquals(CapKind.IRQ_HANDLER, driver.slots().get(1).cap().kind());
        assertEquals(2, driver.slots().get(1).cap().irq());
    }

    @Test
    void unknownStatementsAreNamedWithTheirLine() {
        assertEquals("demo.system:2: expected a declaration (endpoint, notification, frame, untyped, timer or program),"
                + " found 'endpiont'", error("endpoint ep\nendpiont other\n"));
    }

    @Test
    void aProgramWithoutItsClosingBraceIsReported() {
        assertEquals("demo.system:2: program p (line 1) is missing its closing '}'", error("program p \"p.elf\" {\n"));
    }

    @Test
    void numbersOutOfRangeSayWhatIsAllowed() {
        assertEquals("demo.system:2: expected a priority between 0 and 255, found 300",
                error("program p \"p.elf\" {\n priority 300\n}\n"));
        assertEquals("demo.system:2: expected a priority (a number, decimal or 0x...), found 'high'",
                error("program p \"p.elf\" {\n priority high\n}\n"));
    }

    @Test
    void twoCapsInOneSlotAreRefusedWithTheEarlierLine() {
        assertEquals("demo.system:4: slot 1 of program p is already filled on line 3",
                error("endpoint ep\nprogram p \"p.elf\" {\n cap a = ep\n slot 1 = ep\n}\n"));
    }

    @Test
    void capsToUndeclaredObjectsAreRefused() {
        assertEquals("demo.system:2: expected the name of a declared object, found 'nowhere'",
                error("program p \"p.elf\" {\n cap a = nowhere\n}\n"));
        assertEquals("demo.system:4: expected the name of a declared object, found 'q' (a program: use tcb, cnode or"
                + " vspace q)", error("program q \"q.elf\" {\n}\nprogram p \"p.elf\" {\n cap a = q\n}\n"));
    }

    @Test
    void badgesAreOnlyForEndpointsAndNotifications() {
        assertEquals("demo.system:3: only endpoint and notification caps carry a badge; 'f' is a frame",
                error("frame f\nprogram p \"p.elf\" {\n cap a = f badge 3\n}\n"));
    }

    @Test
    void aFaultHandlerMustNameACapOfItsProgram() {
        assertEquals("demo.system:2: expected the fault handler to name a cap of program p, but it has no cap named 'ep'",
                error("program p \"p.elf\" {\n fault_handler ep\n}\n"));
    }

    @Test
    void mappingsMustBeAlignedAndBelowUserTop() {
        assertEquals("demo.system:3: expected an address aligned to the frame's 4096 bytes, found 0x1234",
                error("frame f\nprogram p \"p.elf\" {\n map f 0x1234 rw\n}\n"));
        assertEquals("demo.system:3: expected an address below seL4_UserTop (0x3ffffff000), found 0x4000000000",
                error("frame f\nprogram p \"p.elf\" {\n map f 0x4000000000 rw\n}\n"));
    }

    @Test
    void slotsMustFitTheProgramsCNode() {
        assertEquals("demo.system:4: slot 16 does not fit program p's CNode of 2^4 slots",
                error("endpoint ep\nprogram p \"p.elf\" {\n cnode_bits 4\n slot 16 = ep\n}\n"));
    }

    @Test
    void anUnterminatedStringIsReported() {
        assertEquals("demo.system:1: a quoted string is missing its closing '\"'", error("program p \"p.elf {\n"));
    }

    @Test
    void aMissingFileIsReportedAsSuch() {
        SystemDescriptionException e = assertThrows(SystemDescriptionException.class,
                () -> SystemParser.parse(Path.of("/no/such/file.system")));
        assertEquals("/no/such/file.system:0: no such file", e.getMessage());
    }

    @Test
    void theReadmesExampleDescriptionIsValid() throws Exception {
        String readme = java.nio.file.Files.readString(dev.faultline.emulator.testing.Toolchain.repositoryRoot()
                .resolve("README.md"));
        int section = readme.indexOf("## System descriptions");
        int start = readme.indexOf("```text\n", section) + "```text\n".length();
        String example = readme.substring(start, readme.indexOf("```", start));
        SystemDescription description = SystemParser.parse(Path.of("README.system"), example);
        assertEquals(java.util.List.of("server", "client"), description.programs().stream().map(Program::name).toList());
        Program client = description.programs().get(1);
        assertEquals("fault_ep", client.faultHandler());
        assertEquals(10, client.slots().get(client.slots().size() - 1).index());
        assertEquals(100_000, description.timer().period());
    }
}
