package dev.faultline.kernel.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SyscallTest {

    @Test
    void apiCallsCarrySel4NonMcsNumbers() {
        assertEquals(-1, Syscall.CALL.number());
        assertEquals(-2, Syscall.REPLY_RECV.number());
        assertEquals(-3, Syscall.SEND.number());
        assertEquals(-4, Syscall.NB_SEND.number());
        assertEquals(-5, Syscall.RECV.number());
        assertEquals(-6, Syscall.REPLY.number());
        assertEquals(-7, Syscall.YIELD.number());
        assertEquals(-8, Syscall.NB_RECV.number());
    }

    @Test
    void debugCallsFollowTheApiCalls() {
        assertEquals(-9, Syscall.DEBUG_PUT_CHAR.number());
        assertEquals(-11, Syscall.DEBUG_HALT.number());
        assertEquals(-12, Syscall.DEBUG_CAP_IDENTIFY.number());
        assertEquals(-14, Syscall.DEBUG_NAME_THREAD.number());
        assertFalse(Syscall.DEBUG_PUT_CHAR.isApi());
        assertTrue(Syscall.NB_RECV.isApi());
    }

    @Test
    void everyCallIsFoundByItsNumber() {
        for (Syscall call : Syscall.values()) {
            assertEquals(call, Syscall.fromNumber(call.number()));
        }
    }

    @Test
    void numbersOutsideTheTableAreUnknownSyscalls() {
        assertNull(Syscall.fromNumber(0));
        assertNull(Syscall.fromNumber(1));
        assertNull(Syscall.fromNumber(-15));
        assertNull(Syscall.fromNumber(93));
        assertNull(Syscall.fromNumber(Long.MIN_VALUE));
    }
}
