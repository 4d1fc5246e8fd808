package dev.faultline.dap.server;

import java.nio.file.Path;

import dev.faultline.dap.session.MachineThread;
import dev.faultline.dap.session.SessionException;

/**
 * What outlives a client connection: the machine (on its thread), who controls it now, and the
 * token an attach must carry. One client controls the machine at a time; one that disconnects
 * without terminating leaves the machine to the next.
 */
public final class MachineHost implements AutoCloseable {

    private final String token;
    private MachineThread machine = new MachineThread();
    private Object controller;
    private Path defaultProgram;

    /** A host whose clients must present token when they launch or attach; null for none. */
    public MachineHost(String token) {
        this.token = token;
    }

    public synchronized MachineThread machine() {
        return machine;
    }

    /** Boots file and lets it run with no client attached (`faultline debug --listen PORT PROGRAM`). */
    public void bootAndRun(Path file) {
        machine().boot(file);
        machine().post(debuggee -> debuggee.resume());
    }

    /** The program a launch without "program" boots (the one named on the command line). */
    public synchronized void setDefaultProgram(Path program) {
        defaultProgram = program;
    }

    public synchronized Path defaultProgram() {
        return defaultProgram;
    }

    /** Makes client the controlling one; refused with a clear error while another client controls the machine. */
    public synchronized void claim(Object client) {
        if (controller != null && controller != client) {
            throw new SessionException(SessionException.BUSY,
                    "another client controls this machine: only one debugger may be attached at a time");
        }
        controller = client;
    }

    /** The client lets go of the machine (it disconnected or its connection closed). */
    public synchronized void release(Object client) {
        if (controller == client) {
            controller = null;
        }
    }

    /** Checks a launch's or an attach's token against the host's. */
    public void checkToken(Object given) {
        if (token != null && !token.equals(given)) {
            throw new SessionException(SessionException.TOKEN, given == null
                    ? "this machine needs a token: add \"token\" to the attach configuration"
                    : "the token does not match this machine's");
        }
    }

    /** Ends the machine; the next client may launch a new one. */
    public synchronized void terminate() {
        machine.close();
        machine = new MachineThread();
    }

    @Override
    public synchronized void close() {
        machine.close();
    }
}
