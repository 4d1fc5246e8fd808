package dev.faultline.dap.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.faultline.emulator.testing.Toolchain;

/**
 * Runs the Emacs dap-mode suite (src/test/emacs) from Maven's integration-test phase: builds the
 * guests it debugs, runs `emacs --batch -l` on it with the adapter's class path, and writes its
 * outcome as a JUnit report (target/emacs-reports/TEST-dap-emacs.xml), where ./faultline test
 * counts it. Exits non-zero when a test failed or Emacs could not run it.
 */
public final class EmacsSuite {

    /** The longest the whole suite may take before Emacs is stopped and the run fails. */
    static final long TIMEOUT_SECONDS = 300;
    static final String SUITE = "dap-emacs";

    /** One test's outcome as the suite wrote it. */
    record Outcome(String status, String name, double seconds, String message) {
        boolean passed() {
            return status.equals("PASSED");
        }
    }

    private EmacsSuite() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        Path module = Toolchain.repositoryRoot().resolve("bundles/dev.faultline.dap");
        Path reports = module.resolve("target/emacs-reports");
        Files.createDirectories(reports);
        Path results = reports.resolve("results.tsv");
        Files.deleteIfExists(results);
        Path home = Files.createTempDirectory("faultline-emacs-home");

        List<String> command = List.of(emacs(), "--batch", "-l", module.resolve("src/test/emacs/faultline-dap-test.el").toString());
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        Map<String, String> environment = builder.environment();
        // A home of its own: dap-mode and lsp-mode keep their session files there, not in the user's.
        environment.put("HOME", home.toString());
        environment.put("FAULTLINE_JAVA", System.getenv().getOrDefault("FAULTLINE_JAVA",
                Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        environment.put("FAULTLINE_CLASSPATH", System.getProperty("java.class.path"));
        environment.put("FAULTLINE_IPC", Guests.example("ipc").toString());
        environment.put("FAULTLINE_IPC_SOURCE", Toolchain.repositoryRoot().resolve("examples/ipc/ipc.c").toString());
        environment.put("FAULTLINE_RESULTS", results.toString());

        long start = System.nanoTime();
        Process emacs = builder.start();
        String problem = null;
        if (!emacs.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            emacs.destroyForcibly().waitFor();
            problem = "Emacs did not finish in " + TIMEOUT_SECONDS + " s and was stopped";
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        List<Outcome> outcomes = Files.exists(results) ? read(results) : List.of();
        if (problem == null && outcomes.isEmpty()) {
            problem = "Emacs exited with status " + emacs.exitValue() + " before it reported any test (see its output above)";
        }
        if (problem != null) {
            outcomes = new ArrayList<>(outcomes);
            outcomes.add(new Outcome("ERROR", "emacs", seconds, problem));
        }
        Files.writeString(reports.resolve("TEST-" + SUITE + ".xml"), JunitReport.of(SUITE, outcomes), StandardCharsets.UTF_8);
        long failed = outcomes.stream().filter(outcome -> !outcome.passed()).count();
        System.err.println("Emacs dap-mode suite: " + (outcomes.size() - failed) + " passed, " + failed + " failed"
                + (problem == null ? "" : ": " + problem));
        System.exit(failed == 0 && emacs.exitValue() == 0 ? 0 : 1);
    }

    /** The emacs on PATH, or a clear error naming the Debian packages .ci/packages lists for it. */
    private static String emacs() {
        for (String directory : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(directory, "emacs");
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        System.err.println("EmacsSuite: no emacs on PATH; install Debian's emacs-nox and elpa-dap-mode (listed in .ci/packages)");
        System.exit(2);
        return null;
    }

    static List<Outcome> read(Path results) throws IOException {
        List<Outcome> outcomes = new ArrayList<>();
        for (String line : Files.readAllLines(results, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            String[] fields = line.split("\t", 4);
            if (fields.length < 3) {
                throw new IOException(results + ": malformed result line '" + line + "' (expected STATUS, name, seconds, message)");
            }
            outcomes.add(new Outcome(fields[0], fields[1], Double.parseDouble(fields[2]), fields.length == 4 ? fields[3] : ""));
        }
        return outcomes;
    }
}
