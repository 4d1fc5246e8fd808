package dev.faultline.emulator.disasm;

import dev.faultline.emulator.isa.Decoder;
import dev.faultline.emulator.isa.Instruction;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Writes RISC-V instructions as GNU objdump 2.40 writes them ({@code objdump -d}, with or without
 * {@code -M no-aliases}) for an RV64IMAC + Zicsr + Zifencei ELF: the mnemonic and operands of the
 * RISC-V unprivileged specification's assembly syntax, objdump's choice of pseudoinstructions, its
 * symbolized branch targets and its "# address" comments.
 */
public final class Disassembler {

    private final Syntax syntax;
    private final Symbolizer symbolizer;
    private final OptionalLong globalPointer;
    private final PrivilegedSpec privilegedSpec;
    private final OperandWriter writer;

    /**
     * A disassembler that knows no gp value (objdump's case when there is no __global_pointer$)
     * and names CSRs after the latest privileged specification (its case without a priv_spec
     * attribute).
     */
    public Disassembler(Syntax syntax, Symbolizer symbolizer) {
        this(syntax, symbolizer, OptionalLong.empty(), PrivilegedSpec.latest());
    }

    private Disassembler(Syntax syntax, Symbolizer symbolizer, OptionalLong globalPointer,
            PrivilegedSpec privilegedSpec) {
        this.syntax = syntax;
        this.symbolizer = symbolizer;
        this.globalPointer = globalPointer;
        this.privilegedSpec = privilegedSpec;
        this.writer = new OperandWriter(symbolizer, privilegedSpec);
    }

    /** The same disassembler, annotating gp-relative accesses as objdump does with __global_pointer$. */
    public Disassembler withGlobalPointer(long gp) {
        return new Disassembler(syntax, symbolizer, OptionalLong.of(gp), privilegedSpec);
    }

    /** The same disassembler, naming CSRs after the ELF file's version of the privileged specification. */
    public Disassembler withPrivilegedSpec(PrivilegedSpec version) {
        return new Disassembler(syntax, symbolizer, globalPointer, version);
    }

    /**
     * objdump's text for one instruction at an address, as if nothing were disassembled before it
     * (so no lui/auipc pairing). An illegal 32-bit word prints as ".4byte", a halfword as ".2byte".
     */
    public String text(Instruction instruction, long address) {
        return text(instruction, address, new AddressTracker(globalPointer));
    }

    /**
     * Disassembles a range of bytes at an address, as objdump disassembles a section: instruction
     * lengths from the low bits, lui/auipc pairs followed from one instruction to the next, longer
     * encodings as data, and a last instruction cut short by the end of the range reported as
     * objdump reports it.
     */
    public List<DisassembledInstruction> disassemble(byte[] code, long address) {
        AddressTracker tracker = new AddressTracker(globalPointer);
        List<DisassembledInstruction> lines = new ArrayList<>();
        int offset = 0;
        while (offset < code.length) {
            long pc = address + offset;
            int length = offset + 2 <= code.length ? InstructionLength.of(halfword(code, offset)) : 2;
            if (offset + length > code.length) {
                lines.add(new DisassembledInstruction(pc, code.length - offset, outOfBounds(pc)));
                break;
            }
            String text = isDecodable(code, offset, length)
                    ? text(Decoder.decode(word(code, offset, length)), pc, tracker)
                    : Directives.of(code, offset, length);
            lines.add(new DisassembledInstruction(pc, length, text));
            offset += length;
        }
        return lines;
    }

    private String text(Instruction insn, long pc, AddressTracker tracker) {
        Optional<InstructionText> form = Forms.of(insn, pc, syntax);
        if (form.isEmpty()) {
            return Directives.ofWord(insn.raw(), insn.length());
        }
        OptionalLong comment = tracker.follow(insn, pc, form.get().probes());
        String text = writer.write(form.get());
        return comment.isPresent() ? text + " # " + writer.address(comment.getAsLong()) : text;
    }

    /** objdump's message when an instruction runs past the end of the section. */
    private static String outOfBounds(long pc) {
        return "Address 0x" + Long.toHexString(pc) + " is out of bounds.";
    }

    /**
     * 16- and 32-bit encodings go to the decoder; longer ones, and the reserved 192-bit prefix that
     * objdump counts as a 2-byte unknown, do not.
     */
    private static boolean isDecodable(byte[] code, int offset, int length) {
        return length == 4 || length == 2 && (halfword(code, offset) & 3) != 3;
    }

    private static int halfword(byte[] code, int offset) {
        return (code[offset] & 0xff) | (code[offset + 1] & 0xff) << 8;
    }

    private static int word(byte[] code, int offset, int length) {
        int low = halfword(code, offset);
        return length == 2 ? low : low | halfword(code, offset + 2) << 16;
    }
}
