package dev.faultline.kernel.examples;

import dev.faultline.kernel.Console;

/** A console that keeps the guest's bytes and the kernel's reports as text, in the order they came, as ./faultline run prints them. */
final class ConsoleText implements Console {

    private final StringBuilder text = new StringBuilder();

    @Override
    public void guestByte(int b) {
        text.append((char) b);
    }

    @Override
    public void kernelReport(String report) {
        text.append(report);
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
