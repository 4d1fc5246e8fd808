package dev.faultline.emulator.dwarf;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a line number program header, versions 2 to 5 (DWARF 4 and 5 section 6.2.4), including
 * DWARF 5's self-describing directory and file entry formats (section 6.2.4.1).
 */
final class LineProgramHeaderParser {

    private static final int DW_LNCT_PATH = 1;
    private static final int DW_LNCT_DIRECTORY_INDEX = 2;
    private static final int DW_LNCT_MD5 = 5;

    private LineProgramHeaderParser() {
    }

    /** Reads the header at the cursor, which is left at the start of the program; the cursor's limit becomes the unit's end. */
    static LineProgramHeader parse(SectionCursor in, StringSections strings) throws DwarfFormatException {
        long offset = in.position();
        UnitExtent extent = in.unitExtent("line program");
        in.limitTo(extent.end(), "the line program");
        int version = in.u16("line program version");
        if (version < 2 || version > 5) {
            throw in.errorAt(extent.contentStart(), "expected line program version 2 to 5, found " + version);
        }
        int addressSize = 8;
        if (version >= 5) {
            addressSize = in.u8("address_size");
            checkAddressSize(in, addressSize);
            in.u8("segment_selector_size");
        }
        long headerLength = in.offset(extent.offsetSize(), "header_length");
        long programStart = in.position() + headerLength;
        if (headerLength < 0 || programStart > extent.end() || programStart < in.position()) {
            throw in.error("expected header_length 0x" + Long.toHexString(headerLength)
                    + " to end inside the line program, which ends at 0x" + Long.toHexString(extent.end()));
        }
        Params p = params(in, version);
        UnitFormat format = new UnitFormat(version, addressSize, extent.offsetSize());
        List<String> directories = new ArrayList<>();
        List<FileEntry> files = new ArrayList<>();
        if (version >= 5) {
            readV5Entries(in, format, strings, directories, files, offset);
        } else {
            readV4Entries(in, directories, files);
        }
        if (in.position() > programStart) {
            throw in.errorAt(programStart, "expected the directory and file tables to end at header_length's end");
        }
        in.seek(programStart);
        return new LineProgramHeader(offset, version, extent.offsetSize(), addressSize, p.minLength, p.maxOps,
                p.defaultIsStmt, p.lineBase, p.lineRange, p.opcodeBase, p.opcodeLengths, List.copyOf(directories),
                List.copyOf(files), programStart, extent.end());
    }

    private static void checkAddressSize(SectionCursor in, int addressSize) throws DwarfFormatException {
        if (addressSize != 4 && addressSize != 8) {
            throw in.errorAt(in.position() - 1, "expected an address_size of 4 or 8, found " + addressSize);
        }
    }

    private static Params params(SectionCursor in, int version) throws DwarfFormatException {
        Params p = new Params();
        p.minLength = in.u8("minimum_instruction_length");
        p.maxOps = version >= 4 ? in.u8("maximum_operations_per_instruction") : 1;
        if (p.maxOps == 0) {
            throw in.errorAt(in.position() - 1, "expected maximum_operations_per_instruction of at least 1, found 0");
        }
        p.defaultIsStmt = in.u8("default_is_stmt") != 0;
        p.lineBase = (byte) in.u8("line_base");
        p.lineRange = in.u8("line_range");
        if (p.lineRange == 0) {
            throw in.errorAt(in.position() - 1, "expected a line_range of at least 1, found 0");
        }
        p.opcodeBase = in.u8("opcode_base");
        if (p.opcodeBase == 0) {
            throw in.errorAt(in.position() - 1, "expected an opcode_base of at least 1, found 0");
        }
        List<Integer> lengths = new ArrayList<>();
        for (int i = 1; i < p.opcodeBase; i++) {
            lengths.add(in.u8("standard_opcode_lengths"));
        }
        p.opcodeLengths = List.copyOf(lengths);
        return p;
    }

    private static void readV4Entries(SectionCursor in, List<String> directories, List<FileEntry> files)
            throws DwarfFormatException {
        for (String dir = in.cstring("include_directories"); !dir.isEmpty(); dir = in.cstring("include_directories")) {
            directories.add(dir);
        }
        for (String name = in.cstring("file_names"); !name.isEmpty(); name = in.cstring("file_names")) {
            files.add(readV4File(in, name));
        }
    }

    /** The rest of a DWARF 4 file entry after its name (also DW_LNE_define_file's operands). */
    static FileEntry readV4File(SectionCursor in, String name) throws DwarfFormatException {
        long directory = in.uleb("file directory index");
        in.uleb("file modification time");
        in.uleb("file length");
        return new FileEntry(name, directory, Optional.empty());
    }

    private static void readV5Entries(SectionCursor in, UnitFormat format, StringSections strings,
            List<String> directories, List<FileEntry> files, long unitOffset) throws DwarfFormatException {
        List<long[]> directoryFormat = entryFormat(in, "directory_entry_format");
        int directoryCount = in.count("directories_count", Math.max(1, directoryFormat.size()));
        for (int i = 0; i < directoryCount; i++) {
            directories.add(readV5Entry(in, directoryFormat, format, strings, unitOffset).name());
        }
        List<long[]> fileFormat = entryFormat(in, "file_name_entry_format");
        int fileCount = in.count("file_names_count", Math.max(1, fileFormat.size()));
        for (int i = 0; i < fileCount; i++) {
            files.add(readV5Entry(in, fileFormat, format, strings, unitOffset));
        }
    }

    private static List<long[]> entryFormat(SectionCursor in, String what) throws DwarfFormatException {
        int count = in.u8(what + "_count");
        List<long[]> pairs = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            long contentType = in.uleb(what + " content type");
            long form = in.uleb(what + " form");
            pairs.add(new long[] {contentType, form});
        }
        return pairs;
    }

    private static FileEntry readV5Entry(SectionCursor in, List<long[]> entryFormat, UnitFormat format,
            StringSections strings, long unitOffset) throws DwarfFormatException {
        String name = null;
        long directory = 0;
        Optional<String> md5 = Optional.empty();
        for (long[] pair : entryFormat) {
            long at = in.position();
            if (pair[1] > 0xffff || pair[1] == DwarfForm.INDIRECT || pair[1] == DwarfForm.IMPLICIT_CONST) {
                throw in.errorAt(at, "expected a line table entry form, found 0x" + Long.toHexString(pair[1]));
            }
            AttributeValue value = FormReader.read(in, 0, (int) pair[1], 0, format, unitOffset);
            if (pair[0] == DW_LNCT_PATH) {
                name = pathString(value, strings, in, at);
            } else if (pair[0] == DW_LNCT_DIRECTORY_INDEX) {
                directory = expectConstant(value, in, at, "DW_LNCT_directory_index");
            } else if (pair[0] == DW_LNCT_MD5) {
                md5 = Optional.of(md5Hex(value, in, at));
            }
        }
        if (name == null) {
            throw in.error("expected a DW_LNCT_path in each directory and file entry, found an entry format without one");
        }
        return new FileEntry(name, directory, md5);
    }

    private static String pathString(AttributeValue value, StringSections strings, SectionCursor in, long at)
            throws DwarfFormatException {
        String section = in.section().name();
        return switch (value.formClass()) {
            case INLINE_STRING -> value.text();
            case LINE_STRING_OFFSET -> strings.at(".debug_line_str", value.value(), section, at);
            case STRING_OFFSET -> strings.at(".debug_str", value.value(), section, at);
            default -> throw in.errorAt(at, "expected DW_LNCT_path as a string form, found "
                    + DwarfForm.describe(value.form()));
        };
    }

    private static long expectConstant(AttributeValue value, SectionCursor in, long at, String what)
            throws DwarfFormatException {
        if (!value.isConstant()) {
            throw in.errorAt(at, "expected " + what + " as a constant form, found " + DwarfForm.describe(value.form()));
        }
        return value.value();
    }

    private static String md5Hex(AttributeValue value, SectionCursor in, long at) throws DwarfFormatException {
        if (value.block() == null || value.block().length != 16) {
            throw in.errorAt(at, "expected DW_LNCT_MD5 as DW_FORM_data16, found " + DwarfForm.describe(value.form()));
        }
        StringBuilder hex = new StringBuilder(32);
        for (byte b : value.block()) {
            hex.append(String.format("%02x", b & 0xff));
        }
        return hex.toString();
    }

    /** The fixed parameters of the state machine, gathered before the entry tables. */
    private static final class Params {
        int minLength;
        int maxOps;
        boolean defaultIsStmt;
        int lineBase;
        int lineRange;
        int opcodeBase;
        List<Integer> opcodeLengths;
    }
}
