package dev.faultline.emulator.disasm;

/**
 * One line of a disassembly listing: where the instruction starts, how many bytes it takes, and
 * objdump's text for it (mnemonic, tab, operands, and any "# address" comment).
 *
 * @param address where the instruction starts
 * @param length  its length in bytes (2 or 4, or the length of a longer encoding objdump prints as data)
 * @param text    the text objdump prints after the bytes column
 */
public record DisassembledInstruction(long address, int length, String text) {
}
