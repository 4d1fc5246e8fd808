package dev.faultline.emulator.disasm;

import dev.faultline.emulator.isa.Instruction;
import dev.faultline.emulator.isa.Opcode;
import java.util.List;
import java.util.OptionalLong;

/**
 * objdump's guess at the addresses that instruction pairs compute: it remembers the value of a
 * register set by lui or auipc (the upper halves of the RISC-V unprivileged specification's
 * "lui/addi" and "auipc/jalr" idioms) until an instruction uses it as a base, and also knows gp
 * (from __global_pointer$), tp and x0 as bases. It follows no other writes to registers, so a guess
 * can be stale, exactly as objdump's is.
 */
final class AddressTracker {

    private final long[] upper = new long[32];
    private final boolean[] known = new boolean[32];
    private final OptionalLong globalPointer;

    AddressTracker(OptionalLong globalPointer) {
        this.globalPointer = globalPointer;
    }

    /**
     * Runs an instruction's probes, then remembers what it sets; returns the address objdump would
     * print as a comment, if any. The last probe that found a value wins.
     */
    OptionalLong follow(Instruction insn, long pc, List<AddressProbe> probes) {
        OptionalLong address = OptionalLong.empty();
        for (AddressProbe probe : probes) {
            OptionalLong found = probe(probe);
            if (found.isPresent()) {
                address = found;
            }
        }
        if (insn.opcode() == Opcode.LUI) {
            remember(insn.rd(), insn.imm());
        } else if (insn.opcode() == Opcode.AUIPC) {
            remember(insn.rd(), pc + insn.imm());
        }
        return address;
    }

    private void remember(int register, long value) {
        upper[register] = value;
        known[register] = true;
    }

    private OptionalLong probe(AddressProbe probe) {
        int base = probe.base();
        long address;
        if (known[base]) {
            // A remembered x0 still counts as zero; the value is used once and then forgotten.
            address = (base != RegisterNames.ZERO ? upper[base] : 0) + probe.offset();
            known[base] = false;
        } else if (base == RegisterNames.GP && globalPointer.isPresent()) {
            address = globalPointer.getAsLong() + probe.offset();
        } else if (base == RegisterNames.TP || base == RegisterNames.ZERO) {
            address = probe.offset();
        } else {
            return OptionalLong.empty();
        }
        return OptionalLong.of(probe.signExtendWord() ? (int) address : address);
    }
}
