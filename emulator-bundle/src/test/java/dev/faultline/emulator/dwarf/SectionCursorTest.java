package dev.faultline.emulator.dwarf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SectionCursorTest {

    private static SectionCursor cursor(int... bytes) {
        byte[] array = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            array[i] = (byte) bytes[i];
        }
        return DwarfSection.of(".debug_test", array, 0).cursor(0);
    }

    @Test
    void unsignedLeb128DecodesTheSpecificationsExamples() throws Exception {
        assertEquals(2, cursor(0x02).uleb("x"));
        assertEquals(127, cursor(0x7f).uleb("x"));
        assertEquals(128, cursor(0x80, 0x01).uleb("x"));
        assertEquals(129, cursor(0x81, 0x01).uleb("x"));
        assertEquals(130, cursor(0x82, 0x01).uleb("x"));
        assertEquals(12857, cursor(0xb9, 0x64).uleb("x"));
        assertEquals(-1L, cursor(0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01).uleb("x"));
    }

    @Test
    void signedLeb128DecodesTheSpecificationsExamples() throws Exception {
        assertEquals(2, cursor(0x02).sleb("x"));
        assertEquals(-2, cursor(0x7e).sleb("x"));
        assertEquals(127, cursor(0xff, 0x00).sleb("x"));
        assertEquals(-127, cursor(0x81, 0x7f).sleb("x"));
        assertEquals(128, cursor(0x80, 0x01).sleb("x"));
        assertEquals(-128, cursor(0x80, 0x7f).sleb("x"));
        assertEquals(129, cursor(0x81, 0x01).sleb("x"));
        assertEquals(-129, cursor(0xff, 0x7e).sleb("x"));
    }

    @Test
    void leb128WiderThan64BitsIsRejected() {
        DwarfFormatException e = assertThrows(DwarfFormatException.class,
                () -> cursor(0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f).uleb("a length"));
        assertEquals(".debug_test: offset 0x0: expected a length as a ULEB128 that fits in 64 bits", e.getMessage());
    }

    @Test
    void readingPastTheEndNamesSectionOffsetAndWhatWasExpected() throws Exception {
        SectionCursor in = cursor(1, 2, 3);
        in.u16("first");
        DwarfFormatException e = assertThrows(DwarfFormatException.class, () -> in.u32("address_range"));
        assertEquals(".debug_test: offset 0x2: expected address_range (4 bytes), found 1 bytes before the end", e.getMessage());
        assertEquals(2, e.offset());
        assertEquals(".debug_test", e.section());
    }

    @Test
    void countsLargerThanTheRemainingBytesAreRejectedBeforeAnyAllocation() {
        DwarfFormatException e = assertThrows(DwarfFormatException.class,
                () -> cursor(0xff, 0xff, 0xff, 0xff, 0x0f, 0).count("file_names_count", 1));
        assertTrue(e.getMessage().contains("expected file_names_count that fits in the 1 bytes that follow"), e.getMessage());
    }

    @Test
    void unitLengthBeyondTheSectionIsRejected() {
        DwarfFormatException e = assertThrows(DwarfFormatException.class, () -> cursor(0x40, 0, 0, 0, 1).unitExtent("unit"));
        assertTrue(e.getMessage().contains("expected unit of 0x40 bytes to fit in the 0x1 bytes that follow"), e.getMessage());
        assertThrows(DwarfFormatException.class, () -> cursor(0xf0, 0xff, 0xff, 0xff).unitExtent("unit"));
    }

    @Test
    void unterminatedStringIsRejected() {
        DwarfFormatException e = assertThrows(DwarfFormatException.class, () -> cursor('a', 'b').cstring("a file name"));
        assertEquals(".debug_test: offset 0x0: expected a file name as a NUL-terminated string, found no NUL before the end",
                e.getMessage());
    }
}
