package dev.faultline.kernel.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.faultline.emulator.testing.Toolchain;
import dev.faultline.emulator.testing.Toolchain.ProcessResult;

/**
 * examples/Makefile builds every examples/NAME/NAME.c as a root task against the SDK, into
 * target/NAME.elf, as the very program the example tests check: same code, same layout.
 */
class ExamplesMakefileTest {

    private static final Path EXAMPLES = Toolchain.repositoryRoot().resolve("examples");

    private static ProcessResult make(String... arguments) {
        List<String> command = Stream.concat(Stream.of("make", "--no-print-directory", "-C", EXAMPLES.toString()),
                Stream.of(arguments)).toList();
        ProcessResult result = Toolchain.run(command, Duration.ofMinutes(2), "make");
        assertEquals(0, result.exitCode(), String.join(" ", command) + "\n" + result.stderr());
        return result;
    }

    /** The folders of examples/ that hold a C file of their own name. */
    private static TreeSet<String> rootTaskFolders() throws IOException {
        TreeSet<String> names = new TreeSet<>();
        try (Stream<Path> folders = Files.list(EXAMPLES)) {
            folders.filter(Files::isDirectory).map(f -> f.getFileName().toString())
                    .filter(name -> Files.isRegularFile(EXAMPLES.resolve(name).resolve(name + ".c")))
                    .filter(name -> !Files.isRegularFile(EXAMPLES.resolve(name).resolve(name + ".system")))
                    .forEach(names::add);
        }
        return names;
    }

    /** The disassembled text of an ELF, without the line that names the file. */
    private static String text(Path elf) {
        String listing = Toolchain.objdump(elf, "-d", "-j", ".text");
        return listing.substring(listing.indexOf("Disassembly"));
    }

    @Test
    void everyFolderWithACFileOfItsOwnNameIsARootTaskOfTheBuild(@TempDir Path out) throws IOException {
        String plan = make("-n", "-B", "OUT=" + out, "all").stdoutText();
        TreeSet<String> built = new TreeSet<>();
        Matcher matcher = Pattern.compile("-o " + Pattern.quote(out.toString()) + "/([^/\\s]+)\\.elf ").matcher(plan);
        while (matcher.find()) {
            built.add(matcher.group(1));
        }
        assertEquals(rootTaskFolders(), built, plan);
        assertTrue(built.containsAll(List.of("capabilities", "ipc", "threads")), built.toString());
        assertFalse(built.contains("bare"), "bare guests are not root tasks");
    }

    @Test
    void theMakefileBuildsTheSameCodeAsTheExampleTests(@TempDir Path out) throws IOException {
        for (String name : rootTaskFolders()) {
            make("OUT=" + out, out.resolve(name + ".elf").toString());
            assertEquals(text(ExampleRun.build(name)), text(out.resolve(name + ".elf")), name);
        }
    }

    @Test
    void everyProgramOfASystemIsBuiltIntoItsFolderAsTheSystemTestsBuildIt(@TempDir Path out) throws IOException {
        TreeSet<String> systems = new TreeSet<>();
        try (Stream<Path> folders = Files.list(EXAMPLES)) {
            folders.filter(Files::isDirectory).map(f -> f.getFileName().toString())
                    .filter(name -> Files.isRegularFile(EXAMPLES.resolve(name).resolve(name + ".system")))
                    .forEach(systems::add);
        }
        assertTrue(systems.containsAll(List.of("fault-handlers", "pager", "timer")), systems.toString());
        for (String system : systems) {
            for (String program : SystemRun.programs(system)) {
                Path elf = out.resolve(system).resolve(program + ".elf");
                make("OUT=" + out, elf.toString());
                assertEquals(text(SystemRun.program(system, program)), text(elf), system + "/" + program);
            }
        }
    }
}
