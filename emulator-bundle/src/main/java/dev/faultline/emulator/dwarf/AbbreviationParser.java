package dev.faultline.emulator.dwarf;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads one abbreviation table of .debug_abbrev (DWARF 5 section 7.5.3), up to its terminating zero code. */
final class AbbreviationParser {

    private AbbreviationParser() {
    }

    static Map<Long, Abbreviation> parse(DwarfSection abbrev, long offset) throws DwarfFormatException {
        if (offset < 0 || offset >= abbrev.size()) {
            throw new DwarfFormatException(abbrev.name(), offset, "expected an abbreviation table inside .debug_abbrev"
                    + " (0x" + Integer.toHexString(abbrev.size()) + " bytes)");
        }
        SectionCursor in = abbrev.cursor(offset);
        Map<Long, Abbreviation> table = new HashMap<>();
        for (long code = in.uleb("abbreviation code"); code != 0; code = in.uleb("abbreviation code")) {
            long at = in.position();
            long tag = in.uleb("abbreviation tag");
            int children = in.u8("DW_CHILDREN");
            if (tag > 0xffff || children > 1) {
                throw in.errorAt(at, "expected a tag up to 0xffff and DW_CHILDREN 0 or 1, found tag 0x"
                        + Long.toHexString(tag) + " and " + children);
            }
            table.put(code, new Abbreviation(code, (int) tag, children == 1, specs(in)));
        }
        return table;
    }

    private static List<AttributeSpec> specs(SectionCursor in) throws DwarfFormatException {
        List<AttributeSpec> specs = new ArrayList<>();
        while (true) {
            long at = in.position();
            long attribute = in.uleb("attribute name");
            long form = in.uleb("attribute form");
            if (attribute == 0 && form == 0) {
                return List.copyOf(specs);
            }
            if (attribute > 0xffff || form > 0xffff || attribute == 0 || form == 0) {
                throw in.errorAt(at, "expected an attribute and form up to 0xffff, found 0x"
                        + Long.toHexString(attribute) + " and 0x" + Long.toHexString(form));
            }
            long implicitConst = form == DwarfForm.IMPLICIT_CONST ? in.sleb("DW_FORM_implicit_const value") : 0;
            specs.add(new AttributeSpec((int) attribute, (int) form, implicitConst));
        }
    }
}
