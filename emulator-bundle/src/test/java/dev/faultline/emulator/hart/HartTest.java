package dev.faultline.emulator.hart;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import dev.faultline.emulator.debug.WatchKind;
import dev.faultline.emulator.debug.WatchTiming;
import dev.faultline.emulator.debug.Watchpoint;
import dev.faultline.emulator.memory.Frame;
import dev.faultline.emulator.memory.Permissions;
import dev.faultline.emulator.trap.TrapCause;

/** The hart on snippets assembled by the real toolchain: traps as values, hooks, budgets, memory rules. */
class HartTest extends HartFixture {

    @Test
    void arithmeticRunsUntilTheEcallWhichTrapsWithoutRetiring() {
        load("li a0, 40\n addi a0, a0, 2\n li a7, 93\n ecall\n");
        assertEquals(StopReason.TRAP, hart.run(100));
        assertEquals(42, reg("a0"));
        assertEquals(TrapCause.ECALL_FROM_U, hart.trap().cause());
        assertEquals(0, hart.trap().tval());
        assertEquals(hart.registers().pc(), hart.trap().pc(), "the trap leaves pc at the ecall");
        assertEquals(3, hart.instret(), "three instructions retired; the ecall did not");
    }

    @Test
    void writesToX0AreDiscarded() {
        load("li x0, 5\n addi x0, x0, 1\n add a0, x0, x0\n ecall\n");
        hart.run(10);
        assertEquals(0, reg("a0"));
        assertEquals(0, reg("zero"));
    }

    @Test
    void ebreakAndCompressedEbreakTrapWithThePcAsTval() {
        load(".option norvc\n nop\n ebreak\n");
        assertEquals(StopReason.TRAP, hart.run(10));
        assertEquals(TrapCause.BREAKPOINT, hart.trap().cause());
        assertEquals(CODE + 4, hart.trap().tval());
        hart.registers().setPc(CODE);
        space.write(CODE + 4, new byte[] {0x02, (byte) 0x90}, 0, 2); // c.ebreak
        assertEquals(StopReason.TRAP, hart.run(10));
        assertEquals(CODE + 4, hart.trap().pc());
    }

    @Test
    void illegalInstructionsReportTheirBits() {
        load(".word 0xc0001073\n");
        assertEquals(StopReason.TRAP, hart.run(10));
        assertEquals(TrapCause.ILLEGAL_INSTRUCTION, hart.trap().cause());
        assertEquals(0xc0001073L, hart.trap().tval());
        hart.registers().setPc(CODE + 8); // zero-filled memory decodes as c.unimp
        hart.run(10);
        assertEquals(TrapCause.ILLEGAL_INSTRUCTION, hart.trap().cause());
        assertEquals(0, hart.trap().tval());
    }

    @Test
    void counterWritesAndSupervisorCsrsAreIllegalButReadsSeeRetiredInstructions() {
        load("nop\n nop\n rdinstret a0\n rdcycle a1\n rdtime a2\n csrw cycle, x0\n");
        assertEquals(StopReason.TRAP, hart.run(100));
        assertEquals(2, reg("a0"));
        assertEquals(3, reg("a1"));
        assertEquals(4, reg("a2"));
        assertEquals(TrapCause.ILLEGAL_INSTRUCTION, hart.trap().cause());
        assertEquals(0xc0001073L, hart.trap().tval(), "csrw cycle, x0 is csrrw x0, cycle, x0");
    }

    @Test
    void supervisorCsrsAreIllegalInUserMode() {
        load("csrr a0, sstatus\n");
        assertEquals(StopReason.TRAP, hart.run(10));
        assertEquals(TrapCause.ILLEGAL_INSTRUCTION, hart.trap().cause());
        assertEquals(0x10002573L, hart.trap().tval());
    }

    @Test
    void jalrClearsBitZeroOfItsTarget() {
        load(".option norvc\n la t0, target\n addi t0, t0, 1\n jalr ra, 0(t0)\n li a0, 1\n ecall\n target: li a0, 2\n ecall\n");
        hart.run(100);
        assertEquals(2, reg("a0"));
        assertEquals(CODE + 16, reg("ra") & ~0L, "ra is the address after the jalr");
    }

    @Test
    void loadFromAnUnmappedAddressFaultsWithTheAddressAndChangesNothing() {
        load("li a0, 7\n li t0, 0x90008\n ld a0, 0(t0)\n");
        assertEquals(StopReason.TRAP, hart.run(10));
        assertEquals(TrapCause.LOAD_PAGE_FAULT, hart.trap().cause());
        assertEquals(0x90008, hart.trap().tval());
        assertEquals(7, reg("a0"), "the faulting load wrote nothing");
    }

    @Test
    void storeToAReadOnlyPageFaultsAndWritesNothing() {
        mapData(DATA, Permissions.R);
        load("li t0, 0x80000\n li t1, -1\n sd t1, 8(t0)\n");
        assertEquals(StopReason.TRAP, hart.run(10));
        assertEquals(TrapCause.STORE_PAGE_FAULT, hart.trap().cause());
        assertEquals(DATA + 8, hart.trap().tval());
        assertEquals(0, readLong(DATA + 8));
    }

    @Test
    void misalignedAccessesAcrossAPageSucceed() {
        mapData(DATA, Permissions.RW);
        mapData(DATA + 0x1000, Permissions.RW);
        load("li t0, 0x80ffd\n li t1, 0x1122334455667788\n sd t1, 0(t0)\n ld a0, 0(t0)\n lw a1, 1(t0)\n ecall\n");
        assertEquals(StopReason.TRAP, hart.run(100));
        assertEquals(TrapCause.ECALL_FROM_U, hart.trap().cause());
        assertEquals(0x1122334455667788L, reg("a0"));
        assertEquals(0x44556677L, reg("a1"), "bytes 77 66 55 44 from 0x80ffe");
    }

    @Test
    void aMisalignedStoreIntoAnUnmappedPageFaultsAtThatPortionAndWritesNoByte() {
        mapData(DATA, Permissions.RW);
        load("li t0, 0x80ffc\n li t1, -1\n sd t1, 0(t0)\n");
        assertEquals(StopReason.TRAP, hart.run(10));
        assertEquals(TrapCause.STORE_PAGE_FAULT, hart.trap().cause());
        assertEquals(DATA + 0x1000, hart.trap().tval());
        assertEquals(0, readLong(DATA + 0xff8));
    }

    @Test
    void misalignedAtomicsTrapAsMisalignedAccesses() {
        mapData(DATA, Permissions.RW);
        load("li t0, 0x80002\n amoadd.w a0, a1, (t0)\n");
        hart.run(10);
        assertEquals(TrapCause.STORE_ADDRESS_MISALIGNED, hart.trap().cause());
        assertEquals(DATA + 2, hart.trap().tval());
        reload("li t0, 0x80004\n lr.d a0, (t0)\n");
        hart.run(10);
        assertEquals(TrapCause.LOAD_ADDRESS_MISALIGNED, hart.trap().cause());
    }

    @Test
    void storeConditionalSucceedsOnlyAfterALoadReservedOfTheSameAddress() {
        mapData(DATA, Permissions.RW);
        load("li t0, 0x80000\n li t1, 5\n sc.d a0, t1, (t0)\n lr.d a1, (t0)\n sc.d a2, t1, (t0)\n sc.d a3, t1, (t0)\n ecall\n");
        hart.run(100);
        assertEquals(1, reg("a0"), "no reservation: fails");
        assertEquals(0, reg("a2"), "after lr.d: succeeds");
        assertEquals(1, reg("a3"), "the reservation ended with the first sc");
        assertEquals(5, readLong(DATA));
    }

    @Test
    void aFourByteInstructionMayStraddleAPage() {
        load(".option norvc\n .skip 4094\n addi a0, a0, 5\n ecall\n");
        hart.registers().setPc(CODE + 4094);
        assertEquals(StopReason.TRAP, hart.run(10));
        assertEquals(5, reg("a0"));
        assertEquals(TrapCause.ECALL_FROM_U, hart.trap().cause());
    }

    @Test
    void aStraddlingInstructionWhoseSecondHalfIsUnmappedFaultsAtThatHalf() {
        space.map(CODE, new Frame(), Permissions.RX);
        space.write(CODE + 4094, new byte[] {0x13, 0x05}, 0, 2); // first half of an addi
        hart.registers().setPc(CODE + 4094);
        assertEquals(StopReason.TRAP, hart.run(10));
        assertEquals(TrapCause.INSTRUCTION_PAGE_FAULT, hart.trap().cause());
        assertEquals(CODE + 4096, hart.trap().tval());
        assertEquals(CODE + 4094, hart.trap().pc());
    }

    @Test
    void aPcInTheFirstPageFaultsLikeAnyUnmappedOne() {
        for (long pc : new long[] {0, 2, 0x10, 0xffe, 0x1000}) {
            hart.registers().setPc(pc);
            assertEquals(StopReason.TRAP, hart.run(10), "pc 0x" + Long.toHexString(pc));
            assertEquals(TrapCause.INSTRUCTION_PAGE_FAULT, hart.trap().cause());
            assertEquals(pc, hart.trap().tval());
        }
    }

    @Test
    void fetchingFromAPageWithoutExecutePermissionFaults() {
        mapData(DATA, Permissions.RW);
        hart.registers().setPc(DATA);
        assertEquals(StopReason.TRAP, hart.run(10));
        assertEquals(TrapCause.INSTRUCTION_PAGE_FAULT, hart.trap().cause());
        assertEquals(DATA, hart.trap().tval());
    }

    @Test
    void storesToCodeAreSeenByTheNextExecution() {
        // Patch "li a0, 1" (at label) into "li a0, 2" after it has run once.
        load("""
                .option norvc
                li s0, 2
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

    @Test
    void theBudgetRetiresExactlyThatManyInstructions() {
        load("loop: addi a0, a0, 1\n j loop\n");
        assertEquals(StopReason.BUDGET, hart.run(1001));
        assertEquals(501, reg("a0"));
        assertEquals(1001, hart.instret());
        assertEquals(StopReason.STEP, hart.step());
        assertEquals(1002, hart.instret());
    }

    @Test
    void aBreakpointStopsBeforeItsInstructionAndResumingExecutesItOnce() {
        load("loop: addi a0, a0, 1\n target: addi a1, a1, 1\n j loop\n");
        assertEquals(StopReason.BUDGET, hart.run(30), "the loop is decoded and hot before the breakpoint is set");
        space.addBreakpoint(CODE + 4);
        assertEquals(StopReason.BREAKPOINT, hart.run(100));
        assertEquals(CODE + 4, hart.registers().pc());
        long a1 = reg("a1");
        assertEquals(StopReason.BREAKPOINT, hart.run(100), "one loop later it stops again");
        assertEquals(a1 + 1, reg("a1"));
        space.removeBreakpoint(CODE + 4);
        assertEquals(StopReason.BUDGET, hart.run(100));
    }

    @Test
    void aBreakpointCheckDecidesInsideTheLoopWithTheRegistersAtTheBreakpoint() {
        load(".option norvc\n loop: addi a0, a0, 1\n target: addi a1, a1, 1\n j loop\n");
        space.addBreakpoint(CODE + 4);
        long a1 = reg("a1");
        java.util.List<Long> seen = new java.util.ArrayList<>();
        space.breakpoints().setCheck(pc -> {
            seen.add(pc);
            return reg("a0") == 5 && hart.registers().pc() == pc;
        });
        assertEquals(StopReason.BREAKPOINT, hart.run(1_000));
        assertEquals(5, reg("a0"), "the first four reached it with the check false, and ran on");
        assertEquals(java.util.List.of(CODE + 4, CODE + 4, CODE + 4, CODE + 4, CODE + 4), seen);
        assertEquals(a1 + 4, reg("a1"));
        space.breakpoints().setCheck(null);
        assertEquals(StopReason.BREAKPOINT, hart.run(100), "without a check, every breakpoint stops");
        assertEquals(6, reg("a0"));
    }

    @Test
    void aWriteWatchpointStopsAfterTheStoreWithTheNewValueVisible() {
        mapData(DATA, Permissions.RW);
        space.addWatchpoint(new Watchpoint(DATA + 16, 8, WatchKind.WRITE, WatchTiming.AFTER));
        load("li t0, 0x80000\n li t1, 9\n sd t1, 8(t0)\n ld a0, 16(t0)\n sd t1, 16(t0)\n addi a1, a1, 1\n ecall\n");
        assertEquals(StopReason.WATCHPOINT, hart.run(100));
        assertEquals(9, readLong(DATA + 16));
        assertEquals(CODE + 18, hart.registers().pc() - 0, "stopped after the watched store");
        assertEquals(DATA + 16, hart.watchpointHit().address());
        assertEquals(StopReason.TRAP, hart.run(100));
        assertEquals(1, reg("a1"));
    }

    @Test
    void aBeforeWatchpointStopsAtTheAccessLeavingItUndone() {
        mapData(DATA, Permissions.RW);
        space.addWatchpoint(new Watchpoint(DATA, 4, WatchKind.READ, WatchTiming.BEFORE));
        load("li t0, 0x80000\n li a0, 3\n lw a0, 2(t0)\n");
        assertEquals(StopReason.WATCHPOINT, hart.run(100));
        assertEquals(3, reg("a0"));
        assertEquals(hart.watchpointHit().pc(), hart.registers().pc());
        assertEquals(WatchKind.READ, hart.watchpointHit().access());
    }

    @Test
    void atomicsReturnTheOldValueAndWriteTheCombination() {
        mapData(DATA, Permissions.RW);
        load("li t0, 0x80000\n li t1, -3\n sd t1, 0(t0)\n li t2, 5\n amoadd.d a0, t2, (t0)\n amomaxu.w a1, t2, (t0)\n ld a2, 0(t0)\n ecall\n");
        hart.run(100);
        assertEquals(-3, reg("a0"));
        assertEquals(2, reg("a1"), "amomaxu.w returns the old word (2), sign-extended");
        assertEquals(5, reg("a2"), "max unsigned of 2 and 5 is 5, upper word untouched as 0");
        assertArrayEquals(new long[] {5}, new long[] {readLong(DATA)});
    }

    @Test
    void accessesToAFrameWithNoMemoryBehindItAreAccessFaults() {
        space.map(DATA, Frame.unbacked(), Permissions.RWX);
        load("li t0, 0x80000\n ld a0, 0(t0)\n");
        assertEquals(StopReason.TRAP, hart.run(10));
        assertEquals(TrapCause.LOAD_ACCESS_FAULT, hart.trap().cause());
        assertEquals(DATA, hart.trap().tval());
        reload("li t0, 0x80000\n sw t0, 4(t0)\n");
        hart.run(10);
        assertEquals(TrapCause.STORE_ACCESS_FAULT, hart.trap().cause());
        assertEquals(DATA + 4, hart.trap().tval());
        reload("li t0, 0x80000\n amoswap.w a0, t0, (t0)\n");
        hart.run(10);
        assertEquals(TrapCause.STORE_ACCESS_FAULT, hart.trap().cause(), "an AMO's fault is a store/AMO fault");
        hart.registers().setPc(DATA);
        hart.run(10);
        assertEquals(TrapCause.INSTRUCTION_ACCESS_FAULT, hart.trap().cause());
        assertEquals(DATA, hart.trap().tval());
    }
}
