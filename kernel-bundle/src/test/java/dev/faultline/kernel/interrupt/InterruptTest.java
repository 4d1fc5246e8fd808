package dev.faultline.kernel.interrupt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.faultline.emulator.testing.Toolchain;
import dev.faultline.kernel.Console;
import dev.faultline.kernel.Kernel;
import dev.faultline.kernel.KernelConfig;
import dev.faultline.kernel.invariant.InvariantChecker;
import dev.faultline.kernel.journal.KernelEvent;
import dev.faultline.kernel.sdk.SdkToolchain;
import dev.faultline.kernel.system.SystemLoader;
import dev.faultline.kernel.system.SystemParser;

/** A timer's interrupts reach a driver through its notification, masked until acknowledged, at exact instructions. */
class InterruptTest {

    private static final long PERIOD = 20_000;

    private record Run(String console, List<KernelEvent> events) {
    }

    private static Run run() throws Exception {
        Path dir = Toolchain.buildDir().resolve("interrupt");
        Files.createDirectories(dir);
        Path driver = SdkToolchain.buildProgram("interrupt-driver", source("driver.c"));
        Path worker = SdkToolchain.buildProgram("interrupt-worker", source("worker.c"));
        Path file = dir.resolve("timer.system");
        Files.writeString(file, """
                timer every %d instructions irq 3
                notification ticks
                frame shared
                program driver "%s" {
                    priority 200
                    cap timer_irq = irq 3
                    cap timer_signal = ticks
                    cap self = tcb self
                    map shared 0x40000000 r
                }
                program worker "%s" {
                    priority 100
                    map shared 0x40000000 rw
                }
                """.formatted(PERIOD, driver, worker));
        StringBuilder console = new StringBuilder();
        Kernel kernel = new Kernel(KernelConfig.DEFAULT, new Console() {
            @Override
            public void guestByte(int b) {
                console.append((char) b);
            }

            @Override
            public void kernelReport(String text) {
                console.append(text);
            }
        });
        SystemLoader.load(kernel, SystemParser.parse(file));
        InvariantChecker.checkAfterEveryEntry(kernel);
        kernel.run(12 * PERIOD);
        return new Run(console.toString(), kernel.journal().events());
    }

    private static Path source(String name) {
        return Toolchain.repositoryRoot().resolve("kernel-bundle/src/test/guest/interrupt/" + name);
    }

    @Test
    void eachTickWakesTheDriverWhichPreemptsTheWorkerAndAcknowledges() throws Exception {
        Run run = run();
        String[] lines = run.console().split("\n");
        assertEquals(10, lines.length, run.console());
        for (int i = 0; i < 10; i++) {
            assertTrue(lines[i].startsWith("driver: tick " + (i + 1) + " (badge 0), worker at "), lines[i]);
        }
        List<KernelEvent.InterruptRaised> raised = run.events().stream().filter(KernelEvent.InterruptRaised.class::isInstance)
                .map(KernelEvent.InterruptRaised.class::cast).toList();
        assertTrue(raised.size() >= 10, "the timer kept firing");
        for (int i = 0; i < raised.size(); i++) {
            assertEquals((i + 1) * PERIOD, raised.get(i).time(), "interrupt " + i + " fell on its period exactly");
            assertEquals(3, raised.get(i).irq());
        }
        long delivered = run.events().stream().filter(e -> e instanceof KernelEvent.InterruptDelivered d && d.notification() != 0)
                .count();
        assertTrue(delivered >= 10, "each tick was delivered to the driver's notification");
        long worker1 = Long.parseLong(lines[0].substring(lines[0].lastIndexOf(' ') + 1));
        long worker2 = Long.parseLong(lines[1].substring(lines[1].lastIndexOf(' ') + 1));
        assertTrue(worker2 > worker1 && worker1 > 0, "the worker ran between ticks: " + worker1 + ", " + worker2);
    }

    @Test
    void aTimerWhoseInterruptsCanWakeNoThreadLeavesTheMachineIdle() throws Exception {
        // The server waits on an endpoint forever; the timer's line has no handler. Before, the
        // machine idled from tick to tick until its budget ran out.
        Path server = SdkToolchain.buildProgram("system-server",
                Toolchain.repositoryRoot().resolve("kernel-bundle/src/test/guest/system/server.c"));
        Path file = Toolchain.buildDir().resolve("interrupt").resolve("quiet-timer.system");
        Files.createDirectories(file.getParent());
        Files.writeString(file, """
                timer every 1000 instructions irq 3
                endpoint ep
                program server "%s" {
                    cap endpoint = ep
                }
                """.formatted(server));
        Kernel kernel = new Kernel(KernelConfig.DEFAULT, new Console() {
            @Override
            public void guestByte(int b) {
            }

            @Override
            public void kernelReport(String text) {
            }
        });
        SystemLoader.load(kernel, SystemParser.parse(file));
        assertEquals(Kernel.Exit.IDLE, kernel.run(1_000_000));
    }

    @Test
    void twoRunsGiveTheSameTicksAtTheSameInstructions() throws Exception {
        Run first = run();
        Run second = run();
        assertEquals(first.console(), second.console());
        assertEquals(first.events(), second.events(), "the journals are equal event for event");
    }
}
