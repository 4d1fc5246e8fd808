package dev.faultline.emulator.dwarf;

import java.util.List;

/**
 * The header of one line number program (DWARF 4 section 6.2.4, DWARF 5 section 6.2.4): the
 * parameters of the state machine and the directory and file tables, as stored. File and
 * directory numbering differs between versions; {@link #filePath} hides that.
 */
public record LineProgramHeader(
        long offset,
        int version,
        int offsetSize,
        int addressSize,
        int minimumInstructionLength,
        int maximumOperationsPerInstruction,
        boolean defaultIsStmt,
        int lineBase,
        int lineRange,
        int opcodeBase,
        List<Integer> standardOpcodeLengths,
        List<String> directories,
        List<FileEntry> files,
        long programStart,
        long programEnd) {

    /** Whether the file register value names a file of this header (extra files come from define_file). */
    boolean hasFile(long fileRegister, List<FileEntry> fileList) {
        long index = version >= 5 ? fileRegister : fileRegister - 1;
        return index >= 0 && index < fileList.size();
    }

    /**
     * The path of the file a file register value names, joined with its directory and, for a
     * relative directory, with the compilation directory (DWARF 5: directory 0; DWARF 4: the CU's
     * DW_AT_comp_dir, null when unknown).
     */
    String filePath(long fileRegister, List<FileEntry> fileList, String compDir) {
        FileEntry file = fileList.get((int) (version >= 5 ? fileRegister : fileRegister - 1));
        if (SourcePaths.isAbsolute(file.name())) {
            return SourcePaths.normalize(file.name());
        }
        String base = version >= 5 && !directories.isEmpty() ? directories.get(0) : compDir;
        String directory = directory(file.directoryIndex(), base);
        return SourcePaths.normalize(SourcePaths.join(SourcePaths.join(base, directory), file.name()));
    }

    private String directory(long index, String base) {
        if (version >= 5) {
            return index > 0 && index < directories.size() ? directories.get((int) index) : "";
        }
        return index > 0 && index <= directories.size() ? directories.get((int) index - 1) : "";
    }
}
