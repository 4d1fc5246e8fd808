package dev.faultline.emulator.dwarf;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** readelf --debug-dump=info parsed into its entries, for tests to compare the DIE reader against. */
final class ReadelfInfo {

    private static final Pattern DIE = Pattern.compile("^\\s*<(\\d+)><(\\p{XDigit}+)>: Abbrev Number: (\\d+)(?: \\((\\w+)\\))?");
    private static final Pattern ATTRIBUTE = Pattern.compile("^\\s*<\\p{XDigit}+>\\s+(DW_AT_\\w+)\\s*: ?(.*)$");

    /** One entry as readelf prints it; attribute values with readelf's "(form...): " prefixes removed. */
    record Entry(int depth, long offset, String tag, Map<String, String> attributes) {
        String value(String attribute) {
            return attributes.get(attribute);
        }

        long hex(String attribute) {
            String text = attributes.get(attribute).trim();
            String number = text.split("\\s")[0];
            return number.startsWith("0x") ? Long.parseUnsignedLong(number.substring(2), 16) : Long.parseLong(number);
        }
    }

    private final Map<Long, Entry> entries = new LinkedHashMap<>();

    ReadelfInfo(Path elf) {
        this(elf, "--debug-dump=info");
    }

    /** With the dump option given: "--debug-dump=info,no-follow-links" keeps .dwo files out. */
    ReadelfInfo(Path elf, String dumpOption) {
        Entry current = null;
        for (String line : DebugGuests.readelf(elf, dumpOption).split("\n")) {
            Matcher die = DIE.matcher(line);
            if (die.find()) {
                current = die.group(3).equals("0") ? null : new Entry(Integer.parseInt(die.group(1)),
                        Long.parseLong(die.group(2), 16), die.group(4), new LinkedHashMap<>());
                if (current != null) {
                    entries.put(current.offset(), current);
                }
                continue;
            }
            Matcher attribute = ATTRIBUTE.matcher(line);
            if (current != null && attribute.find()) {
                current.attributes().put(attribute.group(1), strip(attribute.group(2)));
                Matcher form = FORM.matcher(attribute.group(2).trim());
                current.attributes().put(attribute.group(1) + ".form", form.find() ? form.group(1) : "");
            }
        }
    }

    private static final Pattern FORM = Pattern.compile("^\\((\\w+)\\) ?");

    /** Drops the "(form) " that -W prints first and the "(offset: ...): " of indirect values. */
    private static String strip(String value) {
        String text = FORM.matcher(value.trim()).replaceFirst("");
        if (text.startsWith("(") && text.contains("): ")) {
            return text.substring(text.lastIndexOf("): ") + 3);
        }
        return text;
    }

    List<Entry> entries() {
        return new ArrayList<>(entries.values());
    }

    /** The name of an entry, following abstract_origin and specification as a debugger does. */
    String name(Entry entry) {
        for (int i = 0; entry != null && i < 8; i++) {
            if (entry.value("DW_AT_name") != null) {
                return entry.value("DW_AT_name");
            }
            String origin = entry.value("DW_AT_abstract_origin");
            if (origin == null) {
                origin = entry.value("DW_AT_specification");
            }
            entry = origin == null ? null : entries.get(Long.parseLong(origin.replaceAll("[<>0x]", "").isEmpty() ? "0"
                    : origin.substring(origin.indexOf("0x") + 2, origin.indexOf('>')), 16));
        }
        return null;
    }
}
