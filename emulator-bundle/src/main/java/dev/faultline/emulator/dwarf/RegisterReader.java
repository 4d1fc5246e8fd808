package dev.faultline.emulator.dwarf;

import java.util.OptionalLong;

/** Register values of one frame by DWARF register number (RISC-V psABI: x0..x31 are 0..31); empty when unknown. */
@FunctionalInterface
public interface RegisterReader {

    OptionalLong read(int dwarfRegister);
}
