package dev.faultline.emulator.hart;

import dev.faultline.emulator.memory.AddressSpace;
import dev.faultline.emulator.memory.Frame;
import dev.faultline.emulator.memory.Permissions;
import dev.faultline.emulator.testing.Toolchain;

/** A hart on an address space, running snippets that the toolchain assembles at the snippet address. */
class HartFixture {

    static final long CODE = Toolchain.SNIPPET_ADDRESS;
    static final long DATA = 0x80000;

    final AddressSpace space = new AddressSpace();
    final Hart hart = new Hart(space);

    /** Maps fresh RWX pages for the snippet at CODE, copies it there and points pc at it. */
    void load(String assembly) {
        byte[] code = Toolchain.assemble(assembly);
        for (long page = 0; page < code.length + 4; page += Frame.SIZE) {
            space.map(CODE + page, new Frame(), Permissions.RWX);
        }
        replace(code);
    }

    /** Writes another snippet over the code already mapped at CODE and points pc at it. */
    void reload(String assembly) {
        replace(Toolchain.assemble(assembly));
    }

    private void replace(byte[] code) {
        space.write(CODE, code, 0, code.length);
        hart.registers().setPc(CODE);
    }

    void mapData(long address, Permissions permissions) {
        space.map(address, new Frame(), permissions);
    }

    long reg(String name) {
        return hart.registers().get(Registers.indexOf(name));
    }

    long readLong(long address) {
        byte[] bytes = new byte[8];
        space.read(address, bytes, 0, 8);
        long value = 0;
        for (int i = 7; i >= 0; i--) {
            value = value << 8 | (bytes[i] & 0xff);
        }
        return value;
    }
}
