package dev.faultline.emulator.dwarf;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs one line number program (DWARF 5 section 6.2.5: special, standard and extended opcodes)
 * and collects its rows into sequences. Every opcode consumes at least one byte, so a program of
 * n bytes makes at most n rows and always ends.
 */
final class LineStateMachine {

    private static final int DW_LNS_COPY = 1;
    private static final int DW_LNS_ADVANCE_PC = 2;
    private static final int DW_LNS_ADVANCE_LINE = 3;
    private static final int DW_LNS_SET_FILE = 4;
    private static final int DW_LNS_SET_COLUMN = 5;
    private static final int DW_LNS_NEGATE_STMT = 6;
    private static final int DW_LNS_SET_BASIC_BLOCK = 7;
    private static final int DW_LNS_CONST_ADD_PC = 8;
    private static final int DW_LNS_FIXED_ADVANCE_PC = 9;
    private static final int DW_LNS_SET_PROLOGUE_END = 10;
    private static final int DW_LNS_SET_EPILOGUE_BEGIN = 11;
    private static final int DW_LNS_SET_ISA = 12;
    private static final int DW_LNE_END_SEQUENCE = 1;
    private static final int DW_LNE_SET_ADDRESS = 2;
    private static final int DW_LNE_DEFINE_FILE = 3;

    private final LineProgramHeader header;
    private final String compDir;
    private final List<FileEntry> files;
    private final List<LineSequence> sequences = new ArrayList<>();
    private List<LineRow> rows = new ArrayList<>();
    private final String[] pathCache;

    private long address;
    private long opIndex;
    private long file;
    private int line;
    private int column;
    private boolean isStmt;

    private LineStateMachine(LineProgramHeader header, String compDir) {
        this.header = header;
        this.compDir = compDir;
        this.files = new ArrayList<>(header.files());
        this.pathCache = new String[header.files().size() + 1];
        reset();
    }

    /** Runs the program after the header; the cursor is at programStart, limited to the unit. */
    static List<LineSequence> run(LineProgramHeader header, String compDir, SectionCursor in)
            throws DwarfFormatException {
        LineStateMachine machine = new LineStateMachine(header, compDir);
        while (!in.atEnd()) {
            machine.step(in);
        }
        return machine.sequences;
    }

    private void reset() {
        address = 0;
        opIndex = 0;
        file = 1;
        line = 1;
        column = 0;
        isStmt = header.defaultIsStmt();
    }

    private void step(SectionCursor in) throws DwarfFormatException {
        long at = in.position();
        int opcode = in.u8("line program opcode");
        if (opcode >= header.opcodeBase()) {
            special(opcode, in, at);
        } else if (opcode == 0) {
            extended(in, at);
        } else {
            standard(opcode, in, at);
        }
    }

    private void special(int opcode, SectionCursor in, long at) throws DwarfFormatException {
        int adjusted = opcode - header.opcodeBase();
        advance(adjusted / header.lineRange());
        line += header.lineBase() + adjusted % header.lineRange();
        emit(in, at);
    }

    /** Moves address and op_index by an operation advance (VLIW-aware, DWARF 5 section 6.2.5.1). */
    private void advance(long operationAdvance) {
        long maxOps = header.maximumOperationsPerInstruction();
        long total = opIndex + operationAdvance;
        address += header.minimumInstructionLength() * (maxOps == 1 ? total : Long.divideUnsigned(total, maxOps));
        opIndex = maxOps == 1 ? 0 : Long.remainderUnsigned(total, maxOps);
    }

    private void standard(int opcode, SectionCursor in, long at) throws DwarfFormatException {
        switch (opcode) {
            case DW_LNS_COPY -> emit(in, at);
            case DW_LNS_ADVANCE_PC -> advance(in.uleb("DW_LNS_advance_pc operand"));
            case DW_LNS_ADVANCE_LINE -> line += (int) in.sleb("DW_LNS_advance_line operand");
            case DW_LNS_SET_FILE -> file = in.uleb("DW_LNS_set_file operand");
            case DW_LNS_SET_COLUMN -> column = (int) in.uleb("DW_LNS_set_column operand");
            case DW_LNS_NEGATE_STMT -> isStmt = !isStmt;
            case DW_LNS_SET_BASIC_BLOCK, DW_LNS_SET_PROLOGUE_END, DW_LNS_SET_EPILOGUE_BEGIN -> {
                // Markers a debugger may use later; they do not move the row.
            }
            case DW_LNS_CONST_ADD_PC -> advance((255 - header.opcodeBase()) / header.lineRange());
            case DW_LNS_FIXED_ADVANCE_PC -> {
                address += in.u16("DW_LNS_fixed_advance_pc operand");
                opIndex = 0;
            }
            case DW_LNS_SET_ISA -> in.uleb("DW_LNS_set_isa operand");
            default -> skipUnknownStandard(opcode, in);
        }
    }

    /** An opcode this reader does not know is skipped using the operand counts the header declares. */
    private void skipUnknownStandard(int opcode, SectionCursor in) throws DwarfFormatException {
        int operands = header.standardOpcodeLengths().get(opcode - 1);
        for (int i = 0; i < operands; i++) {
            in.uleb("operand of standard opcode " + opcode);
        }
    }

    private void extended(SectionCursor in, long at) throws DwarfFormatException {
        long length = in.uleb("extended opcode length");
        if (length == 0 || length > in.remaining()) {
            throw in.errorAt(at, "expected an extended opcode length between 1 and the " + in.remaining()
                    + " bytes left in the program, found " + Long.toUnsignedString(length));
        }
        long end = in.position() + length;
        int sub = in.u8("extended opcode");
        switch (sub) {
            case DW_LNE_END_SEQUENCE -> endSequence(in, at);
            case DW_LNE_SET_ADDRESS -> setAddress(in, at, length - 1);
            case DW_LNE_DEFINE_FILE -> files.add(LineProgramHeaderParser.readV4File(in, in.cstring("define_file name")));
            default -> {
                // DW_LNE_set_discriminator and vendor opcodes: the length says how far to skip.
            }
        }
        if (in.position() > end) {
            throw in.errorAt(at, "expected extended opcode " + sub + " to fit in its length " + length);
        }
        in.seek(end);
    }

    private void setAddress(SectionCursor in, long at, long size) throws DwarfFormatException {
        if (size != 4 && size != 8) {
            throw in.errorAt(at, "expected DW_LNE_set_address with a 4- or 8-byte operand, found " + size + " bytes");
        }
        address = in.unsigned((int) size, "DW_LNE_set_address operand");
        opIndex = 0;
    }

    private void emit(SectionCursor in, long at) throws DwarfFormatException {
        rows.add(new LineRow(address, path(in, at), line, column, isStmt));
    }

    private void endSequence(SectionCursor in, long at) throws DwarfFormatException {
        if (!rows.isEmpty()) {
            sequences.add(new LineSequence(rows.get(0).address(), address, List.copyOf(rows)));
        }
        rows = new ArrayList<>();
        reset();
    }

    private String path(SectionCursor in, long at) throws DwarfFormatException {
        if (!header.hasFile(file, files)) {
            throw in.errorAt(at, "expected a file register naming one of the " + files.size()
                    + " files of the line program at 0x" + Long.toHexString(header.offset()) + ", found " + file);
        }
        int slot = (int) file;
        if (slot < pathCache.length && pathCache[slot] != null) {
            return pathCache[slot];
        }
        String path = header.filePath(file, files, compDir);
        if (slot < pathCache.length) {
            pathCache[slot] = path;
        }
        return path;
    }
}
