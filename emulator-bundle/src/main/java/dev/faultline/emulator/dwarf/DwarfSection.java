package dev.faultline.emulator.dwarf;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The bytes of one debugging section (".debug_info", ".eh_frame"...) and the address it is loaded
 * at (zero for non-allocated sections; .eh_frame's pc-relative pointers need its real address).
 */
public record DwarfSection(String name, ByteBuffer data, long address) {

    public DwarfSection {
        data = data.duplicate().order(ByteOrder.LITTLE_ENDIAN);
    }

    /** A section over a byte array, for tests and tools that build sections themselves. */
    public static DwarfSection of(String name, byte[] bytes, long address) {
        return new DwarfSection(name, ByteBuffer.wrap(bytes), address);
    }

    public int size() {
        return data.limit();
    }

    /** A cursor at offset, reading up to the end of the section. */
    SectionCursor cursor(long offset) {
        return new SectionCursor(this, offset, size());
    }

    /** A cursor at the start of a range or location list that an attribute of the entry at dieOffset names. */
    SectionCursor listCursor(long offset, String list, long dieOffset) throws DwarfFormatException {
        if (offset < 0 || offset >= size()) {
            throw new DwarfFormatException(".debug_info", dieOffset, "expected a " + list + " offset inside " + name
                    + " (0x" + Integer.toHexString(size()) + " bytes), found 0x" + Long.toHexString(offset));
        }
        return cursor(offset);
    }
}
