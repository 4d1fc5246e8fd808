package dev.faultline.emulator.elf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.faultline.emulator.dwarf.DebugGuests;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ElfFormatErrorsTest {

    private static byte[] original;
    private static ElfFile parsed;

    @BeforeAll
    static void readGuest() throws Exception {
        original = Files.readAllBytes(DebugGuests.gccDwarf5Optimised());
        parsed = ElfFile.parse("hello.elf", original);
    }

    private static ByteBuffer copy() {
        return ByteBuffer.wrap(original.clone()).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static ElfFormatException rejected(ByteBuffer bytes) {
        return assertThrows(ElfFormatException.class, () -> ElfFile.parse("hello.elf", bytes.array()));
    }

    private static long programHeader(int index) {
        return parsed.header().programHeaderOffset() + 56L * index;
    }

    private static int loadIndex(int n) {
        return parsed.loadSegments().get(n).index();
    }

    @Test
    void wrongMachineNamesFileOffsetFieldAndBothValues() {
        ByteBuffer bytes = copy().putShort(18, (short) 62);
        ElfFormatException e = rejected(bytes);
        assertEquals("hello.elf: offset 0x12 (e_machine): expected 243 (RISC-V), found 62", e.getMessage());
        assertEquals(0x12, e.offset());
        assertEquals("e_machine", e.field());
    }

    @Test
    void badMagicClassEncodingAndVersionAreRejected() {
        assertTrue(rejected(copy().put(1, (byte) 'X')).getMessage().contains("(e_ident[EI_MAG0..3]): expected the magic bytes"));
        assertTrue(rejected(copy().put(4, (byte) 1)).getMessage().contains("offset 0x4 (e_ident[EI_CLASS]): expected 2 (ELFCLASS64), found 1"));
        assertTrue(rejected(copy().put(5, (byte) 2)).getMessage().contains("offset 0x5 (e_ident[EI_DATA]): expected 1"));
        assertTrue(rejected(copy().put(6, (byte) 0)).getMessage().contains("offset 0x6 (e_ident[EI_VERSION])"));
        assertTrue(rejected(copy().putInt(20, 2)).getMessage().contains("offset 0x14 (e_version): expected 1"));
    }

    @Test
    void positionIndependentExecutablesAreRejectedWithAdvice() {
        String message = rejected(copy().putShort(16, (short) 3)).getMessage();
        assertTrue(message.contains("offset 0x10 (e_type): expected 2 (ET_EXEC), found 3 (ET_DYN)"), message);
        assertTrue(message.contains("-static"), message);
    }

    @Test
    void headerSizesMustBeThoseOfElf64() {
        assertTrue(rejected(copy().putShort(52, (short) 52)).getMessage().contains("(e_ehsize): expected 64"));
        assertTrue(rejected(copy().putShort(54, (short) 32)).getMessage().contains("(e_phentsize): expected 56"));
        assertTrue(rejected(copy().putShort(58, (short) 40)).getMessage().contains("(e_shentsize): expected 64"));
    }

    @Test
    void tablesOutsideTheFileAreRejected() {
        assertTrue(rejected(copy().putLong(32, original.length - 20)).getMessage().contains("(e_phoff): expected a program header table"));
        assertTrue(rejected(copy().putShort(60, (short) 900)).getMessage().contains("(e_shoff): expected a section header table of 900"));
        assertTrue(rejected(copy().putShort(62, (short) 300)).getMessage().contains("(e_shstrndx): expected a section index below"));
    }

    @Test
    void entryPointOutsideExecutableCodeIsRejected() {
        long data = parsed.loadSegments().get(1).virtualAddress();
        assertEquals("hello.elf: offset 0x18 (e_entry): expected an address inside an executable PT_LOAD segment, found 0x"
                + Long.toHexString(data), rejected(copy().putLong(24, data)).getMessage());
    }

    @Test
    void truncatedHeaderSaysHowLongTheFileIs() {
        ElfFormatException e = assertThrows(ElfFormatException.class,
                () -> ElfFile.parse("hello.elf", Arrays.copyOf(original, 20)));
        assertEquals("hello.elf: offset 0x0 (e_ident): expected a 64-byte ELF64 header, found a file of 20 bytes",
                e.getMessage());
    }

    @Test
    void segmentFileSizeAboveMemorySizeIsRejected() {
        long at = programHeader(loadIndex(0));
        ByteBuffer bytes = copy();
        bytes.putLong((int) at + 40, bytes.getLong((int) at + 32) - 1);
        ElfFormatException e = rejected(bytes);
        assertEquals(at + 32, e.offset());
        assertTrue(e.getMessage().contains("(p_filesz): expected p_filesz <= p_memsz"), e.getMessage());
    }

    @Test
    void segmentFileRangeOutsideTheFileIsRejected() {
        long at = programHeader(loadIndex(0));
        ElfFormatException e = rejected(copy().putLong((int) at + 8, original.length - 4));
        assertEquals("p_filesz", e.field());
        assertTrue(e.getMessage().contains("inside the file"), e.getMessage());
    }

    @Test
    void segmentEndOverflowingTheAddressSpaceIsRejected() {
        long at = programHeader(loadIndex(1));
        ElfFormatException e = rejected(copy().putLong((int) at + 40, -0x1000L));
        assertEquals("p_memsz", e.field());
        assertTrue(e.getMessage().contains("to fit in 64 bits"), e.getMessage());
    }

    @Test
    void overlappingLoadSegmentsAreRejected() {
        Segment text = parsed.loadSegments().get(0);
        long at = programHeader(loadIndex(1));
        ElfFormatException e = rejected(copy().putLong((int) at + 16, text.endAddress() - 0x10)
                .putLong((int) at + 8, (text.endAddress() - 0x10) & 0xfff));
        assertEquals("p_vaddr", e.field());
        assertTrue(e.getMessage().contains("expected PT_LOAD segments not to overlap"), e.getMessage());
    }

    @Test
    void loadSegmentsMaySharePageWithDifferentPermissions() throws Exception {
        Segment text = parsed.loadSegments().get(0);
        long sharedAddress = (text.endAddress() + 0xf) & ~0xfL;
        long at = programHeader(loadIndex(1));
        ByteBuffer bytes = copy().putLong((int) at + 16, sharedAddress).putLong((int) at + 8, sharedAddress & 0xfff);
        ElfFile elf = ElfFile.parse("hello.elf", bytes.array());
        Segment data = elf.loadSegments().get(1);
        assertEquals(text.endAddress() >>> 12, data.virtualAddress() >>> 12, "one page holds both");
        assertTrue(text.isExecutable() && !text.isWritable());
        assertTrue(data.isWritable() && !data.isExecutable());
        assertTrue(data.contains(sharedAddress) && !text.contains(sharedAddress));
    }

    @Test
    void misalignedSegmentIsRejected() {
        long at = programHeader(loadIndex(1));
        ElfFormatException e = rejected(copy().putLong((int) at + 16, parsed.loadSegments().get(1).virtualAddress() + 8));
        assertTrue(e.getMessage().contains("congruent to p_offset"), e.getMessage());
    }

    @Test
    void sectionNameOutsideTheNameTableIsRejected() {
        long at = parsed.header().sectionHeaderOffset() + 64L * 3;
        ElfFormatException e = rejected(copy().putInt((int) at, 0x7ffff));
        assertEquals(at, e.offset());
        assertTrue(e.getMessage().contains("(sh_name): expected an index into the section name table"), e.getMessage());
    }

    @Test
    void symbolNameOutsideStringTableIsRejected() {
        Section symtab = parsed.section(".symtab").orElseThrow();
        long at = symtab.offset() + 24L * 5;
        ElfFormatException e = rejected(copy().putInt((int) at, 0x7fffff));
        assertEquals(at, e.offset());
        assertTrue(e.getMessage().contains("(st_name): expected an index into .strtab"), e.getMessage());
    }

    @Test
    void symbolTableWithBadLinkOrSectionIndexIsRejected() {
        Section symtab = parsed.section(".symtab").orElseThrow();
        long header = parsed.header().sectionHeaderOffset() + 64L * symtab.index();
        assertTrue(rejected(copy().putInt((int) header + 40, 1)).getMessage().contains("(sh_link): expected the index of a SHT_STRTAB"));
        long symbol = symtab.offset() + 24L * 5;
        assertTrue(rejected(copy().putShort((int) symbol + 6, (short) 0x4000)).getMessage().contains("(st_shndx)"));
    }

    @Test
    void sectionOutsideTheFileIsRejected() {
        Section line = parsed.section(".debug_line").orElseThrow();
        long header = parsed.header().sectionHeaderOffset() + 64L * line.index();
        ElfFormatException e = rejected(copy().putLong((int) header + 32, 1L << 40));
        assertEquals("sh_size", e.field());
    }
}
