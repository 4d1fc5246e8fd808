package dev.faultline.emulator.disasm;

/**
 * A place where objdump tries to work out the address an instruction computes, from base register
 * and offset, so that it can print it as a "# address" comment: after lui/auipc into the same
 * register, or relative to gp, tp or x0. A word probe (addiw) sign-extends the sum from bit 31.
 *
 * @param base         the base register
 * @param offset       the signed offset added to it
 * @param signExtendWord whether the sum is a 32-bit value sign-extended to 64 bits
 */
record AddressProbe(int base, long offset, boolean signExtendWord) {
}
