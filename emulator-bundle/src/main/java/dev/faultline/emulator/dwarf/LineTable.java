package dev.faultline.emulator.dwarf;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The line number information of a whole executable (DWARF 5 section 6.2, .debug_line): every
 * program's sequences, answering address to source position and source line to breakpoint addresses.
 */
public final class LineTable {

    private final List<LineProgramHeader> headers;
    private final List<LineSequence> sequences;

    LineTable(List<LineProgramHeader> headers, List<LineSequence> sequences) {
        this.headers = List.copyOf(headers);
        List<LineSequence> sorted = new ArrayList<>(sequences);
        sorted.sort(Comparator.comparing(LineSequence::startAddress, Long::compareUnsigned));
        this.sequences = List.copyOf(sorted);
    }

    /**
     * Reads every line program in .debug_line, one after the other. compDirs maps a program's offset
     * to the DW_AT_comp_dir of the unit whose DW_AT_stmt_list names it (DWARF 4 needs it for directory 0).
     */
    public static LineTable read(DwarfSection debugLine, DwarfSections sections, Map<Long, String> compDirs)
            throws DwarfFormatException {
        StringSections strings = new StringSections(sections);
        List<LineProgramHeader> headers = new ArrayList<>();
        List<LineSequence> sequences = new ArrayList<>();
        long offset = 0;
        while (offset < debugLine.size()) {
            SectionCursor in = debugLine.cursor(offset);
            LineProgramHeader header = LineProgramHeaderParser.parse(in, strings);
            headers.add(header);
            sequences.addAll(LineStateMachine.run(header, compDirs.get(offset), in));
            offset = header.programEnd();
        }
        return new LineTable(headers, sequences);
    }

    /** Each program's header, in section order. */
    public List<LineProgramHeader> headers() {
        return headers;
    }

    /** All sequences by ascending start address. */
    public List<LineSequence> sequences() {
        return sequences;
    }

    /** The row whose address range covers the address, if a sequence does. */
    public Optional<LineRow> rowAt(long address) {
        for (LineSequence sequence : sequences) {
            if (Long.compareUnsigned(sequence.startAddress(), address) > 0) {
                break;
            }
            if (sequence.contains(address)) {
                return Optional.ofNullable(sequence.rowAt(address));
            }
        }
        return Optional.empty();
    }

    /**
     * The addresses of every is_stmt row for file:line, ascending, where file is an absolute path
     * or a trailing part of one ("calls.c", "dwarf/calls.c"). Several addresses are normal: a loop
     * condition, an inlined body, code duplicated by the optimiser.
     */
    public List<Long> addressesFor(String file, int line) {
        TreeSet<Long> addresses = new TreeSet<>(Long::compareUnsigned);
        for (LineSequence sequence : sequences) {
            for (LineRow row : sequence.rows()) {
                if (row.isStmt() && row.line() == line && SourcePaths.matches(row.file(), file)) {
                    addresses.add(row.address());
                }
            }
        }
        return List.copyOf(addresses);
    }

    /** The lines of file from first to last, inclusive, that have is_stmt rows: where a line breakpoint stays put. */
    public SortedSet<Integer> linesWithCode(String file, int first, int last) {
        SortedSet<Integer> lines = new TreeSet<>();
        for (LineSequence sequence : sequences) {
            for (LineRow row : sequence.rows()) {
                if (row.isStmt() && row.line() >= first && row.line() <= last && SourcePaths.matches(row.file(), file)) {
                    lines.add(row.line());
                }
            }
        }
        return lines;
    }

    /** Every source path that has rows, for resolving and listing files. */
    public List<String> files() {
        TreeSet<String> files = new TreeSet<>();
        for (LineSequence sequence : sequences) {
            for (LineRow row : sequence.rows()) {
                files.add(row.file());
            }
        }
        return List.copyOf(files);
    }

    /** The recorded paths a user's file name (absolute, suffix or base name) may mean. */
    public List<String> resolveFile(String file) {
        return files().stream().filter(path -> SourcePaths.matches(path, file)).toList();
    }
}
