package dev.faultline.dap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

/** `faultline debug`: its command line, and programs that cannot boot. */
class DebugCommandTest {

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Main.run(List.of(args), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aListenWithoutAPortIsAUsageError() {
        assertEquals(Main.EXIT_USAGE, run("debug", "--listen"));
        assertTrue(stderr().contains("--listen needs a value"), stderr());
    }

    @Test
    void aPortThatIsNotANumberIsAUsageError() {
        assertEquals(Main.EXIT_USAGE, run("debug", "--listen", "localhost:http"));
        assertTrue(stderr().contains("[HOST:]PORT"), stderr());
    }

    @Test
    void twoProgramsAreAUsageError() {
        assertEquals(Main.EXIT_USAGE, run("debug", "a.elf", "b.elf"));
        assertTrue(stderr().contains("unexpected argument 'b.elf'"), stderr());
    }

    @Test
    void aMissingProgramToListenWithIsNamed() {
        assertEquals(2, run("debug", "--listen", "0", "/no/such/guest.elf"));
        assertTrue(stderr().contains("/no/such/guest.elf: no such file"), stderr());
    }
}
