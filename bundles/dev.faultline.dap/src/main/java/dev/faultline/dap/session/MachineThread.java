package dev.faultline.dap.session;

import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The one thread that owns the machine. Other threads post commands to it and wait for their
 * answers; between commands it runs the machine a slice at a time while it is running, so a
 * command (a pause, a breakpoint) waits at most one slice.
 */
public final class MachineThread implements AutoCloseable {

    /** How often a caller waiting for the machine looks whether it was shut down meanwhile. */
    private static final long CLOSED_CHECK_MILLIS = 200;

    private final BlockingQueue<Runnable> commands = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile boolean closed;
    private Debuggee debuggee;

    public MachineThread() {
        thread = new Thread(this::loop, "faultline-machine");
        thread.setDaemon(true);
        thread.start();
    }

    /** Runs command on the machine thread and answers its result; its SessionException is rethrown here. */
    public <T> T call(Function<Debuggee, T> command) {
        return await(() -> command.apply(requireDebuggee()));
    }

    /** Runs command on the machine thread without waiting for it (a resume after its response went out). */
    public void post(Consumer<Debuggee> command) {
        submit(() -> {
            if (debuggee != null) {
                command.accept(debuggee);
            }
        });
    }

    /** Boots the machine from file; a machine thread debugs one machine, so a second boot is refused. */
    public Debuggee boot(Path file) {
        return await(() -> {
            if (debuggee != null) {
                throw new SessionException(SessionException.BUSY, "a machine is already running here: attach to it");
            }
            debuggee = new Debuggee(Machine.boot(file));
            return debuggee;
        });
    }

    /** Whether a machine has been booted. */
    public boolean hasMachine() {
        return await(() -> debuggee != null);
    }

    private <T> T await(Supplier<T> onMachine) {
        CompletableFuture<T> answer = new CompletableFuture<>();
        submit(() -> {
            try {
                answer.complete(onMachine.get());
            } catch (Throwable e) {
                answer.completeExceptionally(e);
            }
        });
        try {
            while (true) {
                try {
                    return answer.get(CLOSED_CHECK_MILLIS, TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    if (closed) {
                        throw new SessionException(SessionException.NO_MACHINE, "the machine has been shut down");
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SessionException(SessionException.BUSY, "interrupted while waiting for the machine");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private void submit(Runnable command) {
        if (closed) {
            throw new SessionException(SessionException.NO_MACHINE, "the machine has been shut down");
        }
        if (Thread.currentThread() == thread) {
            command.run();
        } else {
            commands.add(command);
        }
    }

    private Debuggee requireDebuggee() {
        if (debuggee == null) {
            throw new SessionException(SessionException.NO_MACHINE, "no machine yet: launch a program first");
        }
        return debuggee;
    }

    private void loop() {
        try {
            while (!closed) {
                Runnable command = debuggee != null && debuggee.isRunning() ? commands.poll() : commands.take();
                if (command != null) {
                    runSafely(command);
                } else {
                    debuggee.slice();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Runs a posted command; one that fails (a resume that lost a race with a stop) must not end
     * the machine thread, so its failure is reported on stderr and the next command runs.
     */
    private static void runSafely(Runnable command) {
        try {
            command.run();
        } catch (SessionException e) {
            System.err.println("faultline: " + e.getMessage());
        } catch (RuntimeException e) {
            System.err.println("faultline: internal error on the machine thread: " + e);
        }
    }

    /** Stops the machine thread; the machine is dropped. */
    @Override
    public void close() {
        closed = true;
        thread.interrupt();
    }
}
