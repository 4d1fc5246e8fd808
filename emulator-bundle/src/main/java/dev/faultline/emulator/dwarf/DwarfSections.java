package dev.faultline.emulator.dwarf;

import dev.faultline.emulator.elf.ElfFile;
import dev.faultline.emulator.elf.Section;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The debugging sections of one executable by name (DWARF 5 appendix B lists them), taken from an
 * ELF file or given directly, so tests can feed altered sections to the readers.
 */
public final class DwarfSections {

    /** The sections this reader uses. */
    public static final List<String> NAMES = List.of(".debug_info", ".debug_abbrev", ".debug_line",
            ".debug_line_str", ".debug_str", ".debug_str_offsets", ".debug_addr", ".debug_ranges", ".debug_rnglists",
            ".debug_loc", ".debug_loclists", ".debug_frame", ".eh_frame");

    private final Map<String, DwarfSection> sections;

    private DwarfSections(Map<String, DwarfSection> sections) {
        this.sections = Map.copyOf(sections);
    }

    /** The sections present in an ELF file; a compressed one (SHF_COMPRESSED) is rejected clearly. */
    public static DwarfSections from(ElfFile elf) throws DwarfFormatException {
        Map<String, DwarfSection> found = new LinkedHashMap<>();
        for (String name : NAMES) {
            Optional<Section> section = elf.section(name);
            if (section.isEmpty() || !section.get().hasFileBytes()) {
                continue;
            }
            if (section.get().isCompressed()) {
                throw new DwarfFormatException(name, 0, "expected uncompressed debugging data, found SHF_COMPRESSED "
                        + "(link without --compress-debug-sections)");
            }
            found.put(name, new DwarfSection(name, elf.sectionBytes(section.get()), section.get().address()));
        }
        return new DwarfSections(found);
    }

    /** Sections given directly, by name. */
    public static DwarfSections of(Map<String, DwarfSection> sections) {
        return new DwarfSections(sections);
    }

    public Optional<DwarfSection> get(String name) {
        return Optional.ofNullable(sections.get(name));
    }

    /** The section, or an error naming it and why it was needed. */
    DwarfSection require(String name, String neededFor, String referringSection, long referringOffset)
            throws DwarfFormatException {
        DwarfSection section = sections.get(name);
        if (section == null) {
            throw new DwarfFormatException(referringSection, referringOffset, "expected a " + name + " section for "
                    + neededFor + ", found none");
        }
        return section;
    }

    public boolean has(String name) {
        return sections.containsKey(name);
    }

    /** The names present, in {@link #NAMES} order. */
    public List<String> names() {
        return NAMES.stream().filter(sections::containsKey).toList();
    }
}
