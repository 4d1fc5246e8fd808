package dev.faultline.dap.session;

/** Where the machine's text goes: the guest console and the kernel's reports, as separate streams. */
public interface MachineOutput {

    /** Guest console text (seL4_DebugPutChar), a line or a flush at a time. */
    void console(String text);

    /** A kernel report (a double fault, a decoded fault log). */
    void kernelReport(String text);

    /** Drops everything: no client is attached. */
    MachineOutput NONE = new MachineOutput() {
        @Override
        public void console(String text) {
        }

        @Override
        public void kernelReport(String text) {
        }
    };
}
