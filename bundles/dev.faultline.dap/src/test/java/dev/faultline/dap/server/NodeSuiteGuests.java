package dev.faultline.dap.server;

/**
 * Builds the guests the node end-to-end suite (src/test/node) debugs and prints their paths as a
 * JSON object, so that suite and these tests run the very same programs.
 */
public final class NodeSuiteGuests {

    private NodeSuiteGuests() {
    }

    public static void main(String[] args) {
        System.out.println("{\"steps\": \"" + Guests.testGuest("steps") + "\", \"spin\": \"" + Guests.testGuest("spin")
                + "\", \"exit\": \"" + Guests.testGuest("exit")
                + "\", \"ipc\": \"" + Guests.example("ipc") + "\", \"stepsSource\": \"" + ServerFixture.stepsSource()
                + "\", \"ipcSource\": \"" + dev.faultline.emulator.testing.Toolchain.repositoryRoot().resolve("examples/ipc/ipc.c")
                + "\"}");
    }
}
