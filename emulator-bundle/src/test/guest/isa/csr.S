/* csr: Zicsr in user mode, on the only CSRs an RV64IMAC user hart has: the read-only
 * counters cycle (0xC00), time (0xC01) and instret (0xC02). Facts: unprivileged ISA,
 * "Zicsr" (CSRRS/CSRRC with rs1 = x0, and CSRRSI/CSRRCI with uimm = 0, do not write the
 * CSR, so they may read a read-only CSR without trapping) and "Zicntr" (RDCYCLE, RDTIME,
 * RDINSTRET read the full 64-bit counters on RV64; instret counts retired instructions).
 * The counters only ever grow here (64-bit counters cannot wrap in this run).
 * CSRRW and CSRRWI always write, and no user CSR of RV64IMAC is writable, so they appear
 * only in the trap guests (traps/csrw_cycle.S, traps/csrrwi_time.S ...). */
#include "macros.h"

/* GROWS earlier, later, "what": later - earlier >= 0 as unsigned */
.macro GROWS earlier, later, what
    sltu a0, \later, \earlier
    CHECK a0, 0, "\what"
.endm

TEST_BEGIN csr

    /* each of the four non-writing forms reads each counter */
    csrrs s0, cycle, zero           /* rdcycle */
    csrrc s1, cycle, zero
    csrrsi s2, cycle, 0
    csrrci s3, cycle, 0
    GROWS s0, s1, "cycle read by csrrc x0 after csrrs x0"
    GROWS s1, s2, "cycle read by csrrsi 0 after csrrc x0"
    GROWS s2, s3, "cycle read by csrrci 0 after csrrsi 0"
    csrrs s0, time, zero            /* rdtime */
    csrrc s1, time, zero
    csrrsi s2, time, 0
    csrrci s3, time, 0
    GROWS s0, s1, "time read by csrrc x0 after csrrs x0"
    GROWS s1, s2, "time read by csrrsi 0 after csrrc x0"
    GROWS s2, s3, "time read by csrrci 0 after csrrsi 0"
    csrrs s0, instret, zero         /* rdinstret */
    csrrc s1, instret, zero
    csrrsi s2, instret, 0
    csrrci s3, instret, 0
    GROWS s0, s1, "instret read by csrrc x0 after csrrs x0"
    GROWS s1, s2, "instret read by csrrsi 0 after csrrc x0"
    GROWS s2, s3, "instret read by csrrci 0 after csrrsi 0"
    /* a read into x0 is still a legal read */
    csrrs zero, instret, zero
    csrrs zero, cycle, zero
    li a0, 1
    CHECK a0, 1, "csrrs into x0 reads without trapping"

    /* instret grows by at least the number of instructions retired between two reads:
       rdcycle, rdtime, li, then 1000 x (addi, bnez): 2003 instructions */
    rdinstret s0
    rdcycle s1
    rdtime s2
    li t0, 1000
1:  addi t0, t0, -1
    bnez t0, 1b
    rdinstret s4
    rdcycle s5
    rdtime s6
    sub a1, s4, s0
    li a2, 2003
    sltu a0, a1, a2
    CHECK a0, 0, "instret grew by at least the 2003 instructions retired"
    GROWS s1, s5, "cycle does not go back over a loop"
    GROWS s2, s6, "time does not go back over a loop"
    /* a counter is not stuck: instret moved (the loop retired instructions) */
    sub a0, s4, s0
    snez a0, a0
    CHECK a0, 1, "instret changed"

    /* the counters are 64-bit values: reading one twice gives a plausible pair
       (the second read is never below the first, even across bit 31) */
    rdinstret s0
    rdinstret s1
    GROWS s0, s1, "two consecutive rdinstret"
    rdcycle s0
    rdcycle s1
    GROWS s0, s1, "two consecutive rdcycle"
    rdtime s0
    rdtime s1
    GROWS s0, s1, "two consecutive rdtime"

TEST_END
