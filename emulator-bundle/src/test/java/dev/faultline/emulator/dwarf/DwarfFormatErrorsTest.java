package dev.faultline.emulator.dwarf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.faultline.emulator.elf.ElfFile;
import dev.faultline.emulator.elf.Section;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class DwarfFormatErrorsTest {

    private static Map<String, DwarfSection> sections(Path elf) throws Exception {
        DwarfSections all = DwarfSections.from(ElfFile.read(elf));
        Map<String, DwarfSection> map = new HashMap<>();
        all.names().forEach(n -> map.put(n, all.get(n).orElseThrow()));
        return map;
    }

    /** Reads the guest's sections with one section's bytes changed, expecting a rejection. */
    private static DwarfFormatException rejected(Path elf, String name, Consumer<ByteBuffer> change) throws Exception {
        Map<String, DwarfSection> map = sections(elf);
        DwarfSection section = map.get(name);
        byte[] bytes = new byte[section.size()];
        section.data().get(0, bytes);
        change.accept(ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN));
        map.put(name, DwarfSection.of(name, bytes, section.address()));
        return assertThrows(DwarfFormatException.class, () -> DebugInfo.read(DwarfSections.of(map)));
    }

    @Test
    void unknownUnitVersionIsRejectedAtItsOffset() throws Exception {
        DwarfFormatException e = rejected(DebugGuests.gccDwarf5(), ".debug_info", b -> b.putShort(4, (short) 6));
        assertEquals(".debug_info: offset 0x4: expected unit version 2 to 5, found 6", e.getMessage());
    }

    @Test
    void zeroLineRangeIsRejectedBeforeItCouldDivide() throws Exception {
        DwarfFormatException e = rejected(DebugGuests.gccDwarf5(), ".debug_line", b -> b.put(16, (byte) 0));
        assertEquals(".debug_line: offset 0x10: expected a line_range of at least 1, found 0", e.getMessage());
    }

    @Test
    void abbreviationCodeMissingFromTheTableIsRejected() throws Exception {
        DwarfFormatException e = rejected(DebugGuests.gccDwarf5(), ".debug_info", b -> b.put(12, (byte) 0x7f));
        assertTrue(e.getMessage().startsWith(".debug_info: offset 0xc: expected an abbreviation code of the table at "
                + ".debug_abbrev 0x0, found 127"), e.getMessage());
    }

    @Test
    void unknownFormInAnAbbreviationIsRejected() throws Exception {
        DwarfFormatException e = rejected(DebugGuests.gccDwarf5(), ".debug_abbrev", b -> b.put(4, (byte) 0x30));
        assertTrue(e.getMessage().contains("expected a DWARF 5 attribute form, found unknown form 0x30"), e.getMessage());
        assertEquals(".debug_info", e.section());
    }

    @Test
    void missingSectionsThatFormsNeedAreNamed() throws Exception {
        Map<String, DwarfSection> noAbbrev = sections(DebugGuests.gccDwarf5());
        noAbbrev.remove(".debug_abbrev");
        DwarfFormatException abbrev = assertThrows(DwarfFormatException.class, () -> DebugInfo.read(DwarfSections.of(noAbbrev)));
        assertEquals(".debug_info: offset 0x0: expected a .debug_abbrev section for abbreviations, found none", abbrev.getMessage());

        Map<String, DwarfSection> noOffsets = sections(DebugGuests.clangDwarf5());
        noOffsets.remove(".debug_str_offsets");
        DwarfFormatException strx = assertThrows(DwarfFormatException.class, () -> DebugInfo.read(DwarfSections.of(noOffsets)));
        assertTrue(strx.getMessage().contains("expected a .debug_str_offsets section for DW_FORM_strx, found none"),
                strx.getMessage());
    }

    @Test
    void compressedDebuggingSectionsAreRejectedWithAdvice() throws Exception {
        Path path = DebugGuests.gccDwarf5();
        byte[] bytes = Files.readAllBytes(path);
        ElfFile elf = ElfFile.parse("guest.elf", bytes);
        Section info = elf.section(".debug_info").orElseThrow();
        int flags = (int) (elf.header().sectionHeaderOffset() + 64L * info.index() + 8);
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putLong(flags, Section.SHF_COMPRESSED);
        DwarfFormatException e = assertThrows(DwarfFormatException.class,
                () -> DebugInfo.read(ElfFile.parse("guest.elf", bytes)));
        assertTrue(e.getMessage().startsWith(".debug_info: offset 0x0: expected uncompressed debugging data"), e.getMessage());
    }
}
