package dev.faultline.dap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

class MainTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Main.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void helpPrintsEveryCommandOnStdout() {
        assertEquals(0, run("help"));
        String text = out.toString(StandardCharsets.UTF_8);
        for (String command : List.of("run [--bare] [--limit INSTRUCTIONS] [--timer PERIOD[:IRQ]] PROGRAM-OR-SYSTEM", "debug [--listen [HOST:]PORT]", "bench")) {
            assertTrue(text.contains(command), text);
        }
    }

    @Test
    void noCommandPrintsUsageAsAnError() {
        assertEquals(Main.EXIT_USAGE, run());
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("usage: faultline"));
    }

    @Test
    void unknownCommandIsNamedWithTheExpectedOnes() {
        assertEquals(Main.EXIT_USAGE, run("frobnicate"));
        assertTrue(err.toString(StandardCharsets.UTF_8)
                .contains("unknown command 'frobnicate' (expected run, debug, bench or help)"));
    }
}
