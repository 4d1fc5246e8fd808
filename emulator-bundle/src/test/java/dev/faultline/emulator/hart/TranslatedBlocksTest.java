package dev.faultline.emulator.hart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.faultline.emulator.debug.WatchKind;
import dev.faultline.emulator.debug.WatchTiming;
import dev.faultline.emulator.debug.Watchpoint;
import dev.faultline.emulator.memory.Permissions;
import dev.faultline.emulator.trap.TrapCause;

/**
 * Translated blocks behave as the interpreter does at every boundary a debugger sees: traps
 * part-way through a block, breakpoints and watchpoints inside one, budgets that end inside
 * one, and stores that rewrite a block's code.
 */
class TranslatedBlocksTest extends HartFixture {

    @BeforeEach
    void translateOnFirstVisit() {
        hart.setTranslationThreshold(1);
        mapData(DATA, Permissions.RW);
    }

    // Two instructions (lui, addi), then a loop whose body is one block of five: count in a0,
    // a store and a load in the middle.
    private static final String LOOP = """
            .option norvc
                li t0, 0x80000
                li a0, 0
            loop:
                addi a0, a0, 1
                sd a0, 8(t0)
            middle:
                ld a1, 8(t0)
                addi a2, a1, 3
                j loop
            """;

    @Test
    void loopsRunAsTranslatedBlocksWithExactCounts() {
        load(LOOP);
        assertEquals(StopReason.BUDGET, hart.run(2 + 5 * 1000));
        assertTrue(hart.translations() > 0, "the loop body was translated");
        assertEquals(1000, reg("a0"));
        assertEquals(1003, reg("a2"));
        assertEquals(2 + 5 * 1000, hart.instret());
    }

    @Test
    void aBudgetEndingInsideABlockIsHonouredExactly() {
        load(LOOP);
        hart.run(2 + 5 * 100);
        assertEquals(StopReason.BUDGET, hart.run(2));
        assertEquals(101, reg("a0"), "the first two instructions of the next round ran");
        assertEquals(CODE + 16, hart.registers().pc(), "and stopped before the load");
    }

    @Test
    void aFaultPartWayThroughABlockRetiresOnlyTheInstructionsBeforeIt() {
        load(LOOP);
        hart.run(2 + 5 * 100);
        long retired = hart.instret();
        space.unmap(DATA);
        assertEquals(StopReason.TRAP, hart.run(1000));
        assertEquals(TrapCause.STORE_PAGE_FAULT, hart.trap().cause());
        assertEquals(CODE + 12, hart.trap().pc(), "the sd faulted");
        assertEquals(retired + 1, hart.instret(), "only the addi before it retired");
        assertEquals(101, reg("a0"));
    }

    @Test
    void aBreakpointInsideATranslatedBlockStopsAtItsInstruction() {
        load(LOOP);
        hart.run(2 + 5 * 100);
        space.addBreakpoint(CODE + 16);
        assertEquals(StopReason.BREAKPOINT, hart.run(1000));
        assertEquals(CODE + 16, hart.registers().pc());
        assertEquals(101, reg("a0"));
        assertEquals(StopReason.BREAKPOINT, hart.run(1000), "resuming runs one round and stops again");
        assertEquals(102, reg("a0"));
    }

    @Test
    void aWatchpointInsideATranslatedBlockStopsAfterTheAccess() {
        load(LOOP);
        hart.run(2 + 5 * 100);
        long retired = hart.instret();
        space.addWatchpoint(new Watchpoint(DATA + 8, 8, WatchKind.READ, WatchTiming.AFTER));
        assertEquals(StopReason.WATCHPOINT, hart.run(1000));
        assertEquals(CODE + 20, hart.registers().pc(), "stopped just after the ld");
        assertEquals(101, reg("a1"), "the load completed");
        assertEquals(retired + 3, hart.instret());
    }

    @Test
    void storesToATranslatedBlockAreSeenByItsNextExecution() {
        load("""
                .option norvc
                    li s0, 3
                loop:
                patched: li a0, 1
                    la t0, patched
                    lw t1, template
                    sw t1, 0(t0)
                    addi s0, s0, -1
                    bnez s0, loop
                    ecall
                template: li a0, 2
                """);
        assertEquals(StopReason.TRAP, hart.run(1000));
        assertEquals(2, reg("a0"));
    }
}
