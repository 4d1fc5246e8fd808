package dev.faultline.emulator.trap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TrapCauseTest {

    @Test
    void causeCodesAreThoseOfThePrivilegedSpecification() {
        assertEquals(0, TrapCause.INSTRUCTION_ADDRESS_MISALIGNED.code());
        assertEquals(2, TrapCause.ILLEGAL_INSTRUCTION.code());
        assertEquals(3, TrapCause.BREAKPOINT.code());
        assertEquals(4, TrapCause.LOAD_ADDRESS_MISALIGNED.code());
        assertEquals(6, TrapCause.STORE_ADDRESS_MISALIGNED.code());
        assertEquals(8, TrapCause.ECALL_FROM_U.code());
        assertEquals(12, TrapCause.INSTRUCTION_PAGE_FAULT.code());
        assertEquals(13, TrapCause.LOAD_PAGE_FAULT.code());
        assertEquals(15, TrapCause.STORE_PAGE_FAULT.code());
    }

    @Test
    void everyCauseIsFoundByItsCode() {
        for (TrapCause cause : TrapCause.values()) {
            assertEquals(cause, TrapCause.fromCode(cause.code()));
        }
    }

    @Test
    void reservedAndSupervisorCodesAreRejectedWithTheExpectedRange() {
        for (long code : new long[] {9, 10, 11, 14, 16, -1, 1L << 63}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TrapCause.fromCode(code));
            assertTrue(e.getMessage().contains("expected one of"), e.getMessage());
        }
    }
}
