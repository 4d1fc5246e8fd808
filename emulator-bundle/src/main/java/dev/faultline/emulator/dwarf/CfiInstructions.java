package dev.faultline.emulator.dwarf;

/** Where a CIE's initial instructions or an FDE's instructions lie (DWARF 5 section 6.4.1): [start, end) of a section. */
public record CfiInstructions(DwarfSection section, long start, long end) {

    SectionCursor cursor() {
        return new SectionCursor(section, start, end);
    }
}
