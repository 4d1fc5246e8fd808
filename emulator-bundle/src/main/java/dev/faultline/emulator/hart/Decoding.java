package dev.faultline.emulator.hart;

import dev.faultline.emulator.isa.Decoder;
import dev.faultline.emulator.memory.Access;
import dev.faultline.emulator.memory.AddressSpace;
import dev.faultline.emulator.memory.Frame;
import dev.faultline.emulator.memory.Page;

/**
 * Fills a page's decoded-instruction slots on first execution: reads the parcel at the slot,
 * decodes it once, and marks the slot hooked when a breakpoint sits there. A 4-byte
 * instruction whose second half lies in the next page is never cached: it is fetched and
 * decoded each time, so a change to either page is always seen.
 */
final class Decoding {

    private final HartMemory memory;

    Decoding(HartMemory memory) {
        this.memory = memory;
    }

    /** Decodes the instruction at slot (pc) of page into code[slot] and returns the packed slot. */
    long decode(Page page, long[] code, int slot, long pc) {
        byte[] bytes = page.frame().bytes();
        int offset = slot << 1;
        int low = (bytes[offset] & 0xff) | (bytes[offset + 1] & 0xff) << 8;
        int bits;
        if ((low & 3) != 3) {
            bits = low;
        } else if (offset + 4 <= Frame.SIZE) {
            bits = low | (bytes[offset + 2] & 0xff) << 16 | (bytes[offset + 3] & 0xff) << 24;
        } else {
            long straddle = Slot.pack(Op.STRADDLE, 0, 0, 0, 4, 0);
            code[slot] = straddle;
            return straddle;
        }
        long packed = hookIfBreakpoint(page, slot, pc, Slot.pack(Decoder.decode(bits)));
        code[slot] = packed;
        return packed;
    }

    /** Fetches and decodes the instruction that starts in the last parcel of page and ends in the next. */
    long straddling(Page page, int slot, long pc) {
        byte[] bytes = page.frame().bytes();
        int offset = slot << 1;
        int low = (bytes[offset] & 0xff) | (bytes[offset + 1] & 0xff) << 8;
        long second = pc + 2;
        AddressSpace space = page.space();
        Page next = AddressSpace.isUserAddress(second) ? space.executable(second >>> Frame.SHIFT) : null;
        if (next == null) {
            // The privileged specification reports the portion of the access that faulted.
            throw memory.fault(second, Access.EXECUTE, pc);
        }
        byte[] high = next.frame().bytes();
        int bits = low | (high[0] & 0xff) << 16 | (high[1] & 0xff) << 24;
        return hookIfBreakpoint(page, slot, pc, Slot.pack(Decoder.decode(bits)));
    }

    private static long hookIfBreakpoint(Page page, int slot, long pc, long packed) {
        if (!page.space().breakpoints().contains(pc)) {
            return packed;
        }
        page.hookOriginals()[slot] = packed;
        return Slot.hook(Slot.length(packed));
    }
}
