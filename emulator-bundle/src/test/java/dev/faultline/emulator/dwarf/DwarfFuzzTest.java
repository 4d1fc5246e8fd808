package dev.faultline.emulator.dwarf;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.faultline.emulator.elf.ElfFile;
import dev.faultline.emulator.elf.ElfFormatException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Malformed DWARF: every truncation of every debugging section, and thousands of randomly corrupted
 * variants with fixed seeds, are read and queried; only the checked exceptions may come out.
 */
class DwarfFuzzTest {

    private static Map<String, DwarfSection> sectionsOf(Path elf) throws Exception {
        DwarfSections sections = DwarfSections.from(ElfFile.read(elf));
        Map<String, DwarfSection> map = new HashMap<>();
        for (String name : sections.names()) {
            map.put(name, sections.get(name).orElseThrow());
        }
        return map;
    }

    private static byte[] bytes(DwarfSection section) {
        byte[] bytes = new byte[section.size()];
        section.data().get(0, bytes);
        return bytes;
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void everyTruncationOfEveryDebuggingSectionIsReadOrRejectedWithItsOffset() throws Exception {
        int variants = 0;
        int rejected = 0;
        for (Path elf : List.of(DebugGuests.gccDwarf5Optimised(), DebugGuests.gccDwarf4Optimised(), DebugGuests.clangDwarf5())) {
            Map<String, DwarfSection> original = sectionsOf(elf);
            for (DwarfSection section : original.values()) {
                byte[] full = bytes(section);
                for (int length = 0; length < full.length; length++) {
                    Map<String, DwarfSection> altered = new HashMap<>(original);
                    altered.put(section.name(), new DwarfSection(section.name(), ByteBuffer.wrap(full, 0, length).slice(),
                            section.address()));
                    variants++;
                    if (!readsOrRejects(DwarfSections.of(altered))) {
                        rejected++;
                    }
                }
            }
        }
        assertTrue(variants > 5000 && rejected > variants / 2, variants + " variants, " + rejected + " rejected");
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void randomlyCorruptedDebuggingSectionsNeverEscapeAsUncheckedExceptions() throws Exception {
        int variants = 0;
        int read = 0;
        for (Path elf : List.of(DebugGuests.gccDwarf5Optimised(), DebugGuests.gccDwarf4(), DebugGuests.clangDwarf5())) {
            Map<String, DwarfSection> original = sectionsOf(elf);
            List<String> names = List.copyOf(new java.util.TreeSet<>(original.keySet()));
            Random random = new Random(0x5eed + elf.getFileName().toString().hashCode());
            for (int variant = 0; variant < 2500; variant++) {
                Map<String, DwarfSection> altered = new HashMap<>(original);
                int flips = 1 + random.nextInt(3);
                for (int i = 0; i < flips; i++) {
                    DwarfSection section = altered.get(names.get(random.nextInt(names.size())));
                    byte[] bytes = bytes(section);
                    if (bytes.length == 0) {
                        continue;
                    }
                    bytes[random.nextInt(bytes.length)] = (byte) (random.nextBoolean() ? random.nextInt(256) : 0xff);
                    altered.put(section.name(), DwarfSection.of(section.name(), bytes, section.address()));
                }
                variants++;
                if (readsOrRejects(DwarfSections.of(altered))) {
                    read++;
                }
            }
        }
        assertTrue(read > 0 && read < variants, read + " of " + variants + " read");
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void corruptedDebuggingBytesInsideTheElfFileAreReadOrRejected() throws Exception {
        byte[] original = Files.readAllBytes(DebugGuests.gccDwarf5Optimised());
        ElfFile elf = ElfFile.parse("guest.elf", original);
        long start = elf.section(".debug_line").orElseThrow().offset();
        long end = elf.section(".symtab").orElseThrow().offset();
        Random random = new Random(42);
        for (int variant = 0; variant < 2000; variant++) {
            byte[] bytes = original.clone();
            for (int i = 0; i < 1 + random.nextInt(6); i++) {
                bytes[(int) (start + random.nextInt((int) (end - start)))] = (byte) random.nextInt(256);
            }
            try {
                readsOrRejects(DwarfSections.from(ElfFile.parse("guest.elf", bytes)));
            } catch (ElfFormatException | DwarfFormatException e) {
                assertTrue(e.getMessage().contains("offset 0x"), e.getMessage());
            }
        }
    }

    /** Reads and queries everything; true when it all worked, false for a checked rejection. */
    static boolean readsOrRejects(DwarfSections sections) {
        try {
            DebugInfo info = DebugInfo.read(sections);
            exercise(info);
            return true;
        } catch (DwarfFormatException e) {
            assertTrue(e.getMessage().startsWith(e.section() + ": offset 0x") && e.getMessage().contains("expected"),
                    e.getMessage());
            return false;
        } catch (UnwindException e) {
            assertTrue(!e.getMessage().isEmpty());
            return true;
        }
    }

    private static void exercise(DebugInfo info) throws DwarfFormatException, UnwindException {
        for (CompilationUnit unit : info.units()) {
            unit.name();
            unit.root().name();
        }
        for (Function function : info.functions()) {
            info.functionsAt(function.lowPc());
            DwarfExpression.Context frame = new DwarfExpression.Context(r -> OptionalLong.of(r),
                    (address, size) -> OptionalLong.empty(), OptionalLong.of(0x1000), OptionalLong.of(0x1000));
            for (Die child : function.die().children()) {
                child.name();
                child.ranges();
                // A variable's location at the function's entry: a list entry or none, and its expression evaluated.
                child.locationAt(DwarfAttribute.LOCATION, function.lowPc())
                        .ifPresent(expression -> DwarfExpression.evaluate(expression, frame));
            }
        }
        if (info.lineTable().isPresent()) {
            LineTable lines = info.lineTable().get();
            for (LineSequence sequence : lines.sequences()) {
                lines.rowAt(sequence.startAddress());
            }
            lines.addressesFor("calls.c", 40);
        }
        if (info.callFrames().isPresent()) {
            CallFrameInfo cfi = info.callFrames().get();
            for (Fde fde : cfi.fdes()) {
                cfi.rows(fde);
            }
            Unwinder unwinder = new Unwinder(cfi);
            RegisterReader registers = r -> OptionalLong.of(0x15000 + 8L * r);
            MemoryReader memory = (address, size) -> address >= 0x14000 && address < 0x16000
                    ? OptionalLong.of(0x10000 + (address & 0xff)) : OptionalLong.empty();
            for (Fde fde : cfi.fdes()) {
                unwinder.backtrace(fde.initialLocation(), registers, memory, 8);
            }
        }
    }
}
