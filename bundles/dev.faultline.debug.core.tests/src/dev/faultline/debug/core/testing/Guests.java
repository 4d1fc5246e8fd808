package dev.faultline.debug.core.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The example guests the tests debug, built by `make -C examples` (the RISC-V GNU toolchain) the
 * first time a test asks, as `./faultline run` builds them.
 */
public final class Guests {

    private static boolean built;

    private Guests() {
    }

    /** The repository's root, which the build names in the system property faultline.root. */
    public static Path root() {
        String root = System.getProperty("faultline.root");
        if (root == null) {
            throw new IllegalStateException("the build sets the system property faultline.root to the repository's root");
        }
        return Path.of(root).toAbsolutePath().normalize();
    }

    /** examples/target/NAME after `make -C examples`. */
    public static synchronized Path built(String relative) throws IOException, InterruptedException {
        if (!built) {
            Process make = new ProcessBuilder("make", "--no-print-directory", "-C", root().resolve("examples").toString(), "all")
                    .redirectErrorStream(true).start();
            String output = new String(make.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!make.waitFor(5, TimeUnit.MINUTES) || make.exitValue() != 0) {
                throw new IOException("make -C examples failed:\n" + output);
            }
            built = true;
        }
        Path file = root().resolve("examples").resolve(relative);
        if (!Files.exists(file)) {
            throw new IOException("make -C examples did not make " + file);
        }
        return file;
    }

    /** A source file of the examples, by its path under examples/. */
    public static Path source(String relative) {
        return root().resolve("examples").resolve(relative);
    }

    /** The 1-based number of the first line of file that contains text. */
    public static int lineOf(Path file, String text) throws IOException {
        var lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException(file + " has no line with " + text);
    }
}
