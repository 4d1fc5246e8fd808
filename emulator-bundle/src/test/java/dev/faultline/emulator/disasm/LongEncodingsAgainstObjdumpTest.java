package dev.faultline.emulator.disasm;

import static dev.faultline.emulator.disasm.RawCodeComparison.assertReadsLikeObjdump;

import java.io.ByteArrayOutputStream;
import java.util.Random;

import org.junit.jupiter.api.Test;

class LongEncodingsAgainstObjdumpTest {

    /** A random encoding whose first halfword announces the given length class. */
    private static void append(ByteArrayOutputStream out, int firstHalfword, int length, Random random) {
        out.write(firstHalfword);
        out.write(firstHalfword >>> 8);
        for (int i = 2; i < length; i++) {
            out.write(random.nextInt(256));
        }
    }

    private static byte[] mixedLengths(Random random) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < 2000; i++) {
            int high = random.nextInt(0x10000) & ~0x7f;
            switch (i % 6) {
                case 0 -> append(out, high | 0x1f, 6, random);                                 // 48-bit: x011111
                case 1 -> append(out, high | 0x3f, 8, random);                                 // 64-bit: x0111111
                case 2 -> {
                    int nnn = random.nextInt(7);                                                 // 80 to 176 bits
                    append(out, (high & ~0x7000) | nnn << 12 | 0x7f, 10 + 2 * nnn, random);
                }
                case 3 -> append(out, 0x707f | (high & 0x0f80), 2, random);                    // reserved, >= 192 bits
                case 4 -> append(out, random.nextInt(0x10000) | 3 & ~0x1c, 4, random);        // 32-bit
                default -> append(out, random.nextInt(0x10000) & ~3, 2, random);               // 16-bit
            }
        }
        return out.toByteArray();
    }

    @Test
    void encodingsLongerThan32BitsPrintAsObjdumpsDataDirectives() {
        assertReadsLikeObjdump("long", mixedLengths(new Random(3)));
    }

    @Test
    void aFullLengthInstructionCutShortByTheEndOfTheRangeIsReportedAsObjdumpReportsIt() {
        assertReadsLikeObjdump("cut-word", new byte[] {0x13, 0x05, 0x15, 0x00, 0x13, 0x00});
    }

    @Test
    void aLongEncodingCutShortByTheEndOfTheRangeIsReportedAsObjdumpReportsIt() {
        assertReadsLikeObjdump("cut-long", new byte[] {0x01, 0x00, 0x1f, 0x00, 0x34, 0x12});
    }
}
