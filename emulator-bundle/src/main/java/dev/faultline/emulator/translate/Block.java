package dev.faultline.emulator.translate;

import dev.faultline.emulator.memory.Tlb;

/**
 * A basic block of guest code translated into a JVM method: executing it retires all its
 * instructions and answers the next pc. Subclasses are generated, one hidden class per block.
 * An access that traps part-way throws out of {@link #run}, with the instructions before it
 * retired; {@link #retiredBefore} says how many that is.
 */
public abstract class Block {

    private long[] pcs;
    private long end;
    private long entryInstruction;

    protected Block() {
    }

    final void describe(long[] instructionPcs, long endAddress) {
        this.pcs = instructionPcs;
        this.end = endAddress;
    }

    /** Executes the block on registers x (x[32] swallows writes to x0); answers the next pc. */
    public abstract long run(long[] x, Tlb tlb, GuestMemory memory);

    /** How many instructions the block holds. */
    public final int length() {
        return pcs.length;
    }

    /** The address of the first instruction. */
    public final long start() {
        return pcs[0];
    }

    /** The address just past the last instruction. */
    public final long end() {
        return end;
    }

    /** How many of the block's instructions come before the one at pc (they retired when it trapped). */
    public final int retiredBefore(long pc) {
        for (int i = 0; i < pcs.length; i++) {
            if (pcs[i] == pc) {
                return i;
            }
        }
        throw new IllegalArgumentException(String.format("0x%x is not an instruction of the block at 0x%x", pc, pcs[0]));
    }

    /** What the interpreter executes at the entry when the block cannot run whole (the hart's slot encoding). */
    public final long entryInstruction() {
        return entryInstruction;
    }

    public final void setEntryInstruction(long slot) {
        this.entryInstruction = slot;
    }
}
