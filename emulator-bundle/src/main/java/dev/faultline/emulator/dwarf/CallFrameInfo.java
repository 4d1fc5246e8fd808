package dev.faultline.emulator.dwarf;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The call frame information of an executable (DWARF 5 section 6.4): the FDEs of .debug_frame and
 * .eh_frame, found by pc. Where both describe a pc, .debug_frame is asked first.
 */
public final class CallFrameInfo {

    private final List<Fde> fdes;
    /** Each FDE's rows once run: a debugger unwinds through the same functions at every stop. */
    private final Map<Fde, List<CfiRow>> rows = java.util.Collections.synchronizedMap(new IdentityHashMap<>());

    private CallFrameInfo(List<Fde> fdes) {
        this.fdes = List.copyOf(fdes);
    }

    /** Reads whichever of .debug_frame and .eh_frame are present; empty when neither is. */
    public static Optional<CallFrameInfo> read(DwarfSections sections, int addressSize) throws DwarfFormatException {
        List<Fde> fdes = new ArrayList<>();
        boolean any = false;
        for (String name : List.of(".debug_frame", ".eh_frame")) {
            Optional<DwarfSection> section = sections.get(name);
            if (section.isPresent()) {
                fdes.addAll(CallFrameParser.parse(section.get(), addressSize));
                any = true;
            }
        }
        return any ? Optional.of(new CallFrameInfo(fdes)) : Optional.empty();
    }

    public List<Fde> fdes() {
        return fdes;
    }

    /** The FDE whose range covers the pc. */
    public Optional<Fde> fdeFor(long pc) {
        for (Fde fde : fdes) {
            if (fde.contains(pc)) {
                return Optional.of(fde);
            }
        }
        return Optional.empty();
    }

    /** All rows of an FDE, as readelf --debug-dump=frames-interp lists them. */
    public List<CfiRow> rows(Fde fde) throws DwarfFormatException {
        List<CfiRow> run = rows.get(fde);
        if (run == null) {
            run = List.copyOf(CfiProgram.rows(fde));
            rows.put(fde, run);
        }
        return run;
    }

    /** The row in force at pc: the last row at or below it in pc's FDE. */
    public Optional<CfiRow> rowAt(long pc) throws DwarfFormatException {
        Optional<Fde> fde = fdeFor(pc);
        if (fde.isEmpty()) {
            return Optional.empty();
        }
        CfiRow found = null;
        for (CfiRow row : rows(fde.get())) {
            if (Long.compareUnsigned(row.address(), pc) <= 0) {
                found = row;
            }
        }
        return Optional.ofNullable(found);
    }
}
