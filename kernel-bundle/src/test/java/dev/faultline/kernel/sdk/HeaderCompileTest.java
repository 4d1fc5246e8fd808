package dev.faultline.kernel.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.faultline.emulator.testing.Toolchain.ProcessResult;
import dev.faultline.kernel.sdk.SdkToolchain.Language;

/** Every SDK header compiles on its own and with all the others, warning-free, as C11, GNU C11 and C++17; layouts and numbers hold at compile time. */
class HeaderCompileTest {

    private static void assertCompiles(ProcessResult result, String what) {
        assertEquals(0, result.exitCode(), what + " did not compile cleanly:\n" + result.stderr());
    }

    @Test
    void theSdkShipsTheHeadersTutorialCodeIncludes() {
        List<String> headers = SdkToolchain.headers();
        for (String expected : List.of("sel4/sel4.h", "sel4/sel4_arch/mapping.h", "autoconf.h", "stdio.h",
                "assert.h", "string.h", "stdlib.h", "utils/util.h", "utils/attribute.h", "sel4platsupport/bootinfo.h",
                "sel4utils/util.h", "sel4utils/helpers.h", "sel4utils/sel4_zf_logif.h", "sel4tutorials/alloc.h")) {
            assertTrue(headers.contains(expected), expected + " is missing from " + headers);
        }
    }

    @TestFactory
    Stream<DynamicTest> eachHeaderCompilesAloneInEveryLanguage() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String header : SdkToolchain.headers()) {
            String unitName = "alone-" + header.replace('/', '_') + ".c";
            // Included twice: every header must also be safe to include again.
            String text = "#include <" + header + ">\n#include <" + header + ">\n";
            for (Language language : Language.values()) {
                tests.add(DynamicTest.dynamicTest(header + " alone as " + language, () -> assertCompiles(
                        SdkToolchain.check(language, SdkToolchain.unit(unitName, text)), header + " as " + language)));
            }
        }
        return tests.stream();
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void allHeadersCompileTogether(Language language) {
        String text = SdkToolchain.headers().stream().map(h -> "#include <" + h + ">")
                .collect(Collectors.joining("\n", "", "\nint sdk_all_headers;\n"));
        assertCompiles(SdkToolchain.check(language, SdkToolchain.unit("all-headers.c", text)), "all headers");
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void layoutsAndNumbersMatchTheReferenceAtCompileTime(Language language) {
        assertCompiles(SdkToolchain.check(language, SdkToolchain.guestSources().resolve("layout.c")), "layout.c");
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void mcsSmpAndOtherArchitectureNamesStayUndefined(Language language) {
        assertCompiles(SdkToolchain.check(language, SdkToolchain.guestSources().resolve("absent.c")), "absent.c");
    }

    @Test
    void aWrongLayoutClaimFailsToCompile() {
        // The layout checks are only worth something if a false one breaks the build.
        String text = "#include <sel4/sel4.h>\n#include <stddef.h>\n"
                + "_Static_assert(offsetof(seL4_IPCBuffer, userData) == 960, \"userData\");\n";
        ProcessResult result = SdkToolchain.check(Language.C11, SdkToolchain.unit("wrong-layout.c", text));
        assertTrue(result.exitCode() != 0 && result.stderr().contains("userData"), result.stderr());
    }
}
