package dev.faultline.dap.handler;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.eclipse.lsp4j.debug.DisassembleArguments;
import org.eclipse.lsp4j.debug.DisassembleResponse;
import org.eclipse.lsp4j.debug.DisassembledInstructionPresentationHint;

import dev.faultline.dap.server.Convert;
import dev.faultline.dap.server.DapSession;
import dev.faultline.dap.session.Debuggee;
import dev.faultline.dap.session.Program;
import dev.faultline.emulator.disasm.DisassembledInstruction;
import dev.faultline.emulator.dwarf.LineRow;
import dev.faultline.emulator.elf.Symbol;
import dev.faultline.emulator.memory.AddressSpace;

/**
 * disassemble: objdump's text for instructions around an address. RISC-V instructions are 2 or 4
 * bytes long, so decoding starts at the enclosing symbol (an instruction boundary) and counts
 * from there; instructions before it are decoded from a guess, and unmapped memory shows as
 * invalid entries, so the answer always has the count asked for.
 */
public final class DisassembleHandler {

    /** How far back from an address the enclosing symbol may start for decoding to begin there. */
    private static final long MAX_ANCHOR_DISTANCE = 64 * 1024;
    /** Memory is mapped in pages of this size at least (Sv39 base pages). */
    private static final long PAGE_SIZE = 4096;

    private final DapSession session;

    public DisassembleHandler(DapSession session) {
        this.session = session;
    }

    public DisassembleResponse disassemble(DisassembleArguments arguments) {
        long address = Convert.parseAddress(arguments.getMemoryReference(), arguments.getOffset());
        int offset = arguments.getInstructionOffset() == null ? 0 : arguments.getInstructionOffset();
        int count = Math.max(0, Math.min(arguments.getInstructionCount(), 10_000));
        List<org.eclipse.lsp4j.debug.DisassembledInstruction> shown = session.call(debuggee -> {
            Program program = programAt(debuggee, address);
            AddressSpace memory = MemoryHandler.memory(debuggee);
            long anchor = program.elf().symbols().containing(address).map(Symbol::value)
                    .filter(start -> address - start <= MAX_ANCHOR_DISTANCE && Long.compareUnsigned(start, address) <= 0)
                    .orElse(address);
            int before = Math.max(0, -offset);
            List<DisassembledInstruction> lines = new ArrayList<>();
            if (before > 0) {
                lines.addAll(decode(program, memory, anchor - 4L * before, anchor));
            }
            long after = anchor + (address - anchor) + 4L * Math.max(0, offset + count) + 4;
            lines.addAll(decode(program, memory, anchor, after));
            int at = 0;
            while (at < lines.size() && Long.compareUnsigned(lines.get(at).address(), address) < 0) {
                at++;
            }
            List<org.eclipse.lsp4j.debug.DisassembledInstruction> window = new ArrayList<>();
            for (int i = at + offset; window.size() < count; i++) {
                if (i >= 0 && i < lines.size()) {
                    window.add(instruction(program, memory, lines.get(i)));
                } else {
                    long guess = i < 0 ? (lines.isEmpty() ? address : lines.get(0).address()) + 2L * i
                            : (lines.isEmpty() ? address : end(lines.get(lines.size() - 1))) + 2L * (i - lines.size());
                    window.add(invalid(guess));
                }
            }
            return window;
        });
        DisassembleResponse response = new DisassembleResponse();
        response.setInstructions(shown.toArray(org.eclipse.lsp4j.debug.DisassembledInstruction[]::new));
        return response;
    }

    private static long end(DisassembledInstruction line) {
        return line.address() + line.length();
    }

    private static Program programAt(Debuggee debuggee, long address) {
        for (Program program : debuggee.machine().programs()) {
            if (program.elf().loadSegments().stream().anyMatch(segment -> segment.contains(address))) {
                return program;
            }
        }
        return debuggee.machine().programs().get(0);
    }

    /**
     * The instructions from start up to end that memory holds: from the first mapped page on (a
     * window before code at a page's start begins below it), up to the first unmapped byte after.
     */
    private static List<DisassembledInstruction> decode(Program program, AddressSpace memory, long start, long end) {
        byte[] probe = new byte[1];
        while (Long.compareUnsigned(start, end) < 0 && memory.read(start, probe, 0, 1) < 1) {
            start = (start | (PAGE_SIZE - 1)) + 1;
        }
        if (Long.compareUnsigned(start, end) >= 0) {
            return List.of();
        }
        int length = (int) Math.min(end - start, 1 << 20);
        byte[] bytes = new byte[length];
        int read = memory.read(start, bytes, 0, length);
        if (read <= 0) {
            return List.of();
        }
        byte[] mapped = new byte[read];
        System.arraycopy(bytes, 0, mapped, 0, read);
        return program.disassembler().disassemble(mapped, start);
    }

    private static org.eclipse.lsp4j.debug.DisassembledInstruction instruction(Program program, AddressSpace memory,
            DisassembledInstruction line) {
        org.eclipse.lsp4j.debug.DisassembledInstruction dap = new org.eclipse.lsp4j.debug.DisassembledInstruction();
        dap.setAddress(Convert.address(line.address()));
        dap.setInstruction(line.text().replace('\t', ' '));
        byte[] bytes = new byte[line.length()];
        memory.read(line.address(), bytes, 0, bytes.length);
        StringBuilder hex = new StringBuilder();
        for (int i = bytes.length - 1; i >= 0; i--) {
            hex.append(HexFormat.of().toHexDigits(bytes[i]));
        }
        dap.setInstructionBytes(hex.toString());
        program.elf().symbols().containing(line.address()).filter(s -> s.value() == line.address())
                .ifPresent(symbol -> dap.setSymbol(symbol.name()));
        Optional<LineRow> row = program.lineAt(line.address());
        row.ifPresent(r -> {
            dap.setLocation(DapSession.source(r.file()));
            dap.setLine(r.line());
        });
        return dap;
    }

    private static org.eclipse.lsp4j.debug.DisassembledInstruction invalid(long address) {
        org.eclipse.lsp4j.debug.DisassembledInstruction dap = new org.eclipse.lsp4j.debug.DisassembledInstruction();
        dap.setAddress(Convert.address(address));
        dap.setInstruction("??");
        dap.setPresentationHint(DisassembledInstructionPresentationHint.INVALID);
        return dap;
    }
}
