package dev.faultline.emulator.dwarf;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * Reads the DIEs of one unit into a tree (DWARF 5 section 7.5.2: abbreviation code, attribute
 * values in the abbreviation's order, children ended by a null entry). Iterative, so deep nesting
 * in corrupt data cannot overflow the Java stack.
 */
final class DieTreeParser {

    private DieTreeParser() {
    }

    /** Reads the unit's entries; every DIE is also put in dies by offset. Returns the root. */
    static Die parse(SectionCursor in, CompilationUnit unit, Map<Long, Abbreviation> abbreviations,
            Map<Long, Die> dies) throws DwarfFormatException {
        UnitHeader header = unit.header();
        UnitFormat format = header.format();
        Deque<Die> parents = new ArrayDeque<>();
        Die root = null;
        while (!in.atEnd()) {
            long offset = in.position();
            long code = in.uleb("abbreviation code");
            if (code == 0) {
                if (parents.isEmpty() && root == null) {
                    throw in.errorAt(offset, "expected the unit's root entry, found a null entry");
                }
                parents.pollLast();
                continue;
            }
            if (root != null && parents.isEmpty()) {
                throw in.errorAt(offset, "expected the unit to end after its root entry's children, found another entry");
            }
            Abbreviation abbreviation = abbreviations.get(code);
            if (abbreviation == null) {
                throw in.errorAt(offset, "expected an abbreviation code of the table at .debug_abbrev 0x"
                        + Long.toHexString(header.abbrevOffset()) + ", found " + Long.toUnsignedString(code));
            }
            List<AttributeValue> values = new ArrayList<>(abbreviation.attributes().size());
            for (AttributeSpec spec : abbreviation.attributes()) {
                values.add(FormReader.read(in, spec.attribute(), spec.form(), spec.implicitConst(), format,
                        header.offset()));
            }
            Die die = new Die(offset, abbreviation.tag(), List.copyOf(values), parents.peekLast(), unit);
            dies.put(offset, die);
            if (root == null) {
                root = die;
            } else {
                parents.peekLast().addChild(die);
            }
            if (abbreviation.hasChildren()) {
                parents.addLast(die);
            }
        }
        if (root == null) {
            throw in.errorAt(header.firstDieOffset(), "expected the unit's root entry, found the unit's end");
        }
        return root;
    }
}
