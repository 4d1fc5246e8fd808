package dev.faultline.kernel.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The SDK's printf family on the hart: each case of printf_probe.c prints through seL4_DebugPutChar, one ecall per character. */
class PrintfTest {

    private static SdkGuest run(String opt, String caseName) {
        SdkGuest guest = SdkGuest.rootTask(SdkToolchain.buildGuest("printf", opt, "harness.c", "printf_probe.c"));
        assertEquals(SdkGuest.Ending.EXITED, guest.select(caseName).run(KernelAnswer.NONE));
        return guest;
    }

    @ParameterizedTest
    @ValueSource(strings = {"-O0", "-O2"})
    void everyCharacterIsOnePutCharWithTheCharacterInA0AndZeroInA1ToA5(String opt) {
        SdkGuest guest = run(opt, "integers");
        for (KernelEntry call : guest.calls()) {
            assertEquals(-9, call.syscall());
            for (int i = 1; i <= 5; i++) {
                assertEquals(0, call.a()[i], "a" + i);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"-O0", "-O2"})
    void decimalConversionsHonourSignAndLengthModifiers(String opt) {
        assertEquals("-42|17|4000000000|0|0\n"
                + "-9000000000|-1|18446744073709551615|12345|9223372036854775808\n"
                + "44|4464|ff\n", run(opt, "integers").console());
    }

    @ParameterizedTest
    @ValueSource(strings = {"-O0", "-O2"})
    void hexadecimalAndPointersPrintLikeMusl(String opt) {
        assertEquals("beef|BEEF|3ffffff000|0xff|0XFF|0\n0|0x1234\n", run(opt, "hexadecimal").console());
    }

    @ParameterizedTest
    @ValueSource(strings = {"-O0", "-O2"})
    void widthPrecisionAndTheMinusAndZeroFlagsPad(String opt) {
        assertEquals("[   42][42   ][-0042][   ab][ab   ][  x][y  ]\n"
                + "[00000abc][   7][7   ][abc][00042][    -007]\n", run(opt, "widths").console());
    }

    @ParameterizedTest
    @ValueSource(strings = {"-O0", "-O2"})
    void stringsCharactersPercentPutcharAndPuts(String opt) {
        assertEquals("hello ok % (null)\nodd %q stays\n!line\n", run(opt, "text").console());
    }

    @ParameterizedTest
    @ValueSource(strings = {"-O0", "-O2"})
    void bufferedFormsTruncateTerminateAndCountTheFullLength(String opt) {
        SdkGuest guest = run(opt, "buffers");
        assertEquals("10:abcdefg:7\n7:0007-ok\n4:cafe\nfour", guest.console());
        assertEquals(6, guest.result(0), "snprintf(NULL, 0, ...) counts without writing or printing");
        assertEquals(4, guest.result(1), "printf returns the characters printed");
    }
}
