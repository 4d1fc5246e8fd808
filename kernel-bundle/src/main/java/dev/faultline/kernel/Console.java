package dev.faultline.kernel;

/** Where the kernel's text goes: the guest's seL4_DebugPutChar bytes, and the kernel's own reports. */
public interface Console {

    /** One byte a guest wrote with seL4_DebugPutChar. */
    void guestByte(int b);

    /** A line (or lines) the kernel prints: double faults, halts, scheduler dumps. */
    void kernelReport(String text);

    /** A console that keeps nothing. */
    Console NONE = new Console() {
        @Override
        public void guestByte(int b) {
        }

        @Override
        public void kernelReport(String text) {
        }
    };
}
