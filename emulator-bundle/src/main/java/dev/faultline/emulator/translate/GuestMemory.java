package dev.faultline.emulator.translate;

import dev.faultline.emulator.isa.Opcode;

/**
 * The hart's checked path to memory, as translated code calls it when the TLB cannot serve an
 * access: it checks permissions and watchpoints, and ends the instruction (by throwing) on a trap.
 */
public interface GuestMemory {

    /** A load of size bytes at address, zero-extended. */
    long load(long address, int size, long pc);

    /** A store of the low size bytes of value. */
    void store(long address, int size, long value, long pc);

    /** LR.W (size 4, sign-extended) or LR.D. */
    long loadReserved(long address, int size, long pc);

    /** SC.W or SC.D: 0 on success, 1 on failure. */
    long storeConditional(long address, int size, long value, long pc);

    /** An AMO of the given opcode; answers the old value (sign-extended for .W). */
    long amo(Opcode opcode, long address, long operand, long pc);
}
