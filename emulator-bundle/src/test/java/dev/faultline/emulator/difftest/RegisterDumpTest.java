package dev.faultline.emulator.difftest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Parsing register dumps and describing how two of them differ. */
class RegisterDumpTest {

    private static byte[] dumpBytes() {
        byte[] bytes = new byte[RandomProgram.DUMP_BYTES];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i * 7);
        }
        return bytes;
    }

    @Test
    void registersAreLittleEndianDoublewordsFromX1() {
        byte[] bytes = dumpBytes();
        for (int b = 0; b < 8; b++) {
            bytes[8 * 9 + b] = (byte) (0x10 + b);                 // x10 (a0)
        }
        RegisterDump dump = RegisterDump.parse("test", bytes);
        assertEquals(0x1716151413121110L, dump.register(10));
        assertEquals(0L, dump.register(0));
        assertEquals(bytes[RandomProgram.DUMP_REGISTERS * 8], dump.scratch()[0]);
    }

    @Test
    void aDumpOfTheWrongSizeIsRejectedWithBothSizes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RegisterDump.parse("qemu seed 3", new byte[100]));
        assertTrue(e.getMessage().contains("qemu seed 3") && e.getMessage().contains("4344")
                && e.getMessage().contains("got 100"), e.getMessage());
    }

    @Test
    void differencesNameTheRegisterBothValuesAndBothOrigins() {
        byte[] bytes = dumpBytes();
        RegisterDump qemu = RegisterDump.parse("qemu seed 42", bytes);
        bytes[8 * 10] ^= 1;                                        // x11 (a1), lowest byte
        bytes[RandomProgram.DUMP_REGISTERS * 8 + 5] ^= (byte) 0x80;  // scratch + 5
        RegisterDump faultline = RegisterDump.parse("faultline seed 42", bytes);
        assertNotEquals(qemu, faultline);
        String diff = qemu.differencesFrom(faultline);
        assertTrue(diff.startsWith("qemu seed 42 and faultline seed 42 differ:"), diff);
        assertTrue(diff.contains("x11 a1   qemu seed 42: 0x" + String.format("%016x", qemu.register(11))
                + ", faultline seed 42: 0x" + String.format("%016x", faultline.register(11))), diff);
        assertTrue(diff.contains("scratch+0x005"), diff);
        assertEquals(3, diff.lines().count(), diff);
        AssertionError e = assertThrows(AssertionError.class, () -> RegisterDump.assertSameAs(qemu, faultline));
        assertEquals(diff, e.getMessage());
    }

    @Test
    void equalDumpsHaveNoDifferencesWhateverTheirOrigin() {
        RegisterDump a = RegisterDump.parse("qemu", dumpBytes());
        RegisterDump b = RegisterDump.of("faultline", registersOf(a), a.scratch());
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertEquals("", a.differencesFrom(b));
        RegisterDump.assertSameAs(a, b);
    }

    private static long[] registersOf(RegisterDump dump) {
        long[] values = new long[RandomProgram.DUMP_REGISTERS];
        for (int n = 1; n <= values.length; n++) {
            values[n - 1] = dump.register(n);
        }
        return values;
    }
}
