package dev.faultline.emulator.dwarf;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads every unit of .debug_info with its abbreviations (DWARF 5 sections 7.5.1 to 7.5.3),
 * builds their DIE trees, then resolves what each unit's root entry says.
 */
final class DebugInfoReader {

    private DebugInfoReader() {
    }

    /** The units in section order; dies receives every entry by offset. */
    static List<CompilationUnit> read(DwarfSections sections, Map<Long, Die> dies) throws DwarfFormatException {
        DwarfSection info = sections.get(".debug_info").orElseThrow();
        DwarfSection abbrev = sections.require(".debug_abbrev", "abbreviations", ".debug_info", 0);
        StringSections strings = new StringSections(sections);
        Map<Long, Map<Long, Abbreviation>> tables = new HashMap<>();
        List<CompilationUnit> units = new ArrayList<>();
        long offset = 0;
        while (offset < info.size()) {
            SectionCursor in = info.cursor(offset);
            UnitHeader header = UnitHeaderParser.parse(in);
            Map<Long, Abbreviation> table = tables.get(header.abbrevOffset());
            if (table == null) {
                table = AbbreviationParser.parse(abbrev, header.abbrevOffset());
                tables.put(header.abbrevOffset(), table);
            }
            CompilationUnit unit = new CompilationUnit(header, sections, strings);
            unit.setRoot(DieTreeParser.parse(in, unit, table, dies));
            units.add(unit);
            offset = header.end();
        }
        Map<Long, Die> all = java.util.Collections.unmodifiableMap(dies);
        for (CompilationUnit unit : units) {
            unit.describe(all);
        }
        return units;
    }
}
