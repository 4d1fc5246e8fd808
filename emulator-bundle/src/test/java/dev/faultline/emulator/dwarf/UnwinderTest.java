package dev.faultline.emulator.dwarf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.faultline.emulator.elf.ElfFile;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class UnwinderTest {

    private static void unwindsLikeGdb(Path elf, String name) throws Exception {
        ElfFile file = ElfFile.read(elf);
        Unwinder unwinder = new Unwinder(DebugInfo.read(file).callFrames().orElseThrow());
        int loopLine = LineTableTest.lineOf("sum += square(i);");
        List<GdbSnapshots.Snapshot> stops = GdbSnapshots.take(elf, name,
                List.of("calls.c:" + loopLine, "square", "*descend if $a0 == 1", "helper_mix"));
        long guestEntry = file.symbols().byName("dwarf_guest_start").orElseThrow().value();
        // helper_mix <- descend x4 <- spiral <- walk <- main; at -O2 descend(0) tail-calls helper_mix
        assertTrue(stops.get(3).gdbFrames().size() >= 7, "the deepest stop sees the whole recursion");
        for (GdbSnapshots.Snapshot stop : stops) {
            List<Frame> frames = unwinder.backtrace(stop.pc(), stop.registers(), stop.memory(), 32);
            String where = name + " at " + stop.breakpoint() + ": " + describe(frames, file) + " gdb " + gdbFrames(stop);
            // gdb stops at main (backtrace past-main is off); we go one further, into dwarf_guest_start,
            // which has no CFI, so that frame has a pc and no CFA.
            assertEquals(stop.gdbFrames().size() + 1, frames.size(), where);
            Frame last = frames.get(frames.size() - 1);
            assertEquals("dwarf_guest_start", file.symbols().containing(last.pc()).orElseThrow().name(), where);
            assertTrue(last.cfa().isEmpty(), where);
            assertTrue(frames.size() >= 3, where);
            for (int i = 0; i < stop.gdbFrames().size(); i++) {
                long[] gdb = stop.gdbFrames().get(i);
                assertEquals(gdb[0], frames.get(i).pc(), "pc of frame " + i + " " + where);
                assertEquals(gdb[1], frames.get(i).cfa().orElseThrow(), "CFA of frame " + i + " " + where);
            }
            assertTrue(guestEntry <= last.pc());
        }
    }

    private static String describe(List<Frame> frames, ElfFile file) {
        StringBuilder text = new StringBuilder();
        for (Frame frame : frames) {
            text.append(file.symbols().describe(frame.pc())).append('@')
                    .append(frame.cfa().isPresent() ? Long.toHexString(frame.cfa().getAsLong()) : "?").append(' ');
        }
        return text.toString();
    }

    private static String gdbFrames(GdbSnapshots.Snapshot stop) {
        StringBuilder text = new StringBuilder();
        for (long[] frame : stop.gdbFrames()) {
            text.append(Long.toHexString(frame[0])).append('@').append(Long.toHexString(frame[1])).append(' ');
        }
        return text.toString();
    }

    @Test
    void debugFrameUnwindsTheRecursiveChainAsGdbDoesAtMinusO0() throws Exception {
        unwindsLikeGdb(DebugGuests.gccDwarf4(), "gcc-O0-v4");
    }

    @Test
    void ehFrameUnwindsTheRecursiveChainAsGdbDoesAtMinusO2() throws Exception {
        unwindsLikeGdb(DebugGuests.gccDwarf5Optimised(), "gcc-O2-v5");
    }

    @Test
    void clangDebugFrameUnwindsTheRecursiveChainAsGdbDoes() throws Exception {
        unwindsLikeGdb(DebugGuests.clangDwarf5(), "clang-O1-v5");
    }
}
