package dev.faultline.emulator.dwarf;

import java.util.List;

/** One abbreviation declaration (DWARF 5 section 7.5.3): the tag, whether children follow, the attribute layout. */
public record Abbreviation(long code, int tag, boolean hasChildren, List<AttributeSpec> attributes) {
}
