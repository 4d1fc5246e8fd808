package dev.faultline.emulator.difftest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The mapping from exception causes to the signals qemu-user raises, and back from exit statuses. */
class QemuSignalTest {

    @Test
    void eachCauseMapsToTheSignalQemuUserRaises() {
        assertEquals(QemuSignal.SIGILL, QemuSignal.forCause(2));
        assertEquals(QemuSignal.SIGTRAP, QemuSignal.forCause(3));
        assertEquals(QemuSignal.SIGBUS, QemuSignal.forCause(4));
        assertEquals(QemuSignal.SIGBUS, QemuSignal.forCause(6));
        assertEquals(QemuSignal.SIGSEGV, QemuSignal.forCause(12));
        assertEquals(QemuSignal.SIGSEGV, QemuSignal.forCause(15));
    }

    @Test
    void anEnvironmentCallHasNoSignalBecauseQemuServesItAsASystemCall() {
        assertThrows(IllegalArgumentException.class, () -> QemuSignal.forCause(8));
    }

    @Test
    void aKilledProcessExitsWith128PlusTheSignalAndAnOrdinaryExitIsNoSignal() {
        assertEquals(139, QemuSignal.SIGSEGV.exitStatus());
        assertEquals(QemuSignal.SIGBUS, QemuSignal.fromExitStatus(135));
        assertNull(QemuSignal.fromExitStatus(99));
        assertNull(QemuSignal.fromExitStatus(0));
    }
}
