package dev.faultline.emulator.difftest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One {@code key = value} line of a guest manifest (guests.properties, traps.properties), kept in
 * file order with its line number; '#' starts a comment line. Read by hand rather than with
 * java.util.Properties so that order, duplicates and line numbers survive.
 */
record ManifestLine(Path file, int number, String key, String value) {

    /** Every entry of the file; a malformed or duplicate line is an error naming file and line. */
    static List<ManifestLine> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<ManifestLine> entries = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0 || eq == line.length() - 1) {
                throw new IllegalArgumentException(file + ":" + (i + 1) + ": expected 'name = value', found '" + line + "'");
            }
            ManifestLine entry = new ManifestLine(file, i + 1, line.substring(0, eq).strip(), line.substring(eq + 1).strip());
            if (!keys.add(entry.key())) {
                throw new IllegalArgumentException(entry.where() + ": " + entry.key() + " is listed twice");
            }
            entries.add(entry);
        }
        return entries;
    }

    /** file:line, for error messages. */
    String where() {
        return file.getFileName() + ":" + number;
    }
}
