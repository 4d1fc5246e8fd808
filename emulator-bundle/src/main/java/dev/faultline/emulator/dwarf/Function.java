package dev.faultline.emulator.dwarf;

import java.util.List;
import java.util.Optional;

/**
 * A function with code (DWARF 5 section 3.3 subprograms and 3.3.8 inlined subroutines): its name
 * and declaration, taken from the abstract origin or specification when the instance has none,
 * and the code ranges of this instance.
 *
 * @param declFile the source path of DW_AT_decl_file, when the unit's line table names it
 * @param declLine DW_AT_decl_line, or 0 when unknown
 * @param die the instance's entry, to walk to parameters, locals and lexical blocks
 */
public record Function(String name, FunctionKind kind, List<AddressRange> ranges, Optional<String> declFile,
        int declLine, Die die) {

    public boolean contains(long address) {
        for (AddressRange range : ranges) {
            if (range.contains(address)) {
                return true;
            }
        }
        return false;
    }

    /** The lowest address of the instance (its entry for an ordinary function). */
    public long lowPc() {
        long low = -1;
        for (AddressRange range : ranges) {
            if (Long.compareUnsigned(range.low(), low) < 0) {
                low = range.low();
            }
        }
        return low;
    }
}
