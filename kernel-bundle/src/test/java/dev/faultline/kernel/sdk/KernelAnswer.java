package dev.faultline.kernel.sdk;

/** The test's stand-in for the kernel: how it answers one ecall of a guest, by changing the guest's registers or memory. */
@FunctionalInterface
interface KernelAnswer {

    void answer(KernelEntry entry, SdkGuest guest);

    /** Leaves every register as the guest left it, as the kernel does for a plain send. */
    KernelAnswer NONE = (entry, guest) -> { };

    /**
     * Replies as the kernel does to a Call (reference §1.6): badge 0 in a0, info (label, length =
     * number of words) in a1 and the first four words in a2..a5, the rest in msg[4..].
     */
    static KernelAnswer reply(long label, long... words) {
        return (entry, guest) -> guest.deliver(0, label << 12 | words.length, words);
    }
}
