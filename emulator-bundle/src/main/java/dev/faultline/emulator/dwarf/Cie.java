package dev.faultline.emulator.dwarf;

/**
 * A Common Information Entry (DWARF 5 section 6.4.1; .eh_frame as the Linux Standard Base
 * describes it): what all FDEs that point to it share.
 *
 * @param fdeEncoding the DW_EH_PE_* encoding of FDE addresses ('R' augmentation; absptr otherwise)
 * @param signalFrame 'S' augmentation: the frame is a signal handler's, so its pc is not a return address
 */
public record Cie(long offset, int version, String augmentation, int addressSize, long codeAlignment,
        long dataAlignment, int returnAddressRegister, int fdeEncoding, boolean signalFrame,
        CfiInstructions initialInstructions) {

    /** Whether FDEs carry augmentation data (a 'z' augmentation). */
    boolean hasAugmentationData() {
        return augmentation.startsWith("z");
    }
}
