/* atomics: the A extension on one hart: LR.W/D, SC.W/D and every AMO in .W and .D form
 * (SWAP ADD XOR AND OR MIN MAX MINU MAXU), with and without the aq/rl bits.
 * Facts: unprivileged ISA, "A" extension ("Zalrsc", "Zaamo"):
 *  - an AMO loads the old value into rd, applies the operation to it and rs2, and stores
 *    the result at the same address; the .W forms operate on 32-bit words, compare MIN/MAX
 *    as signed and MINU/MAXU as unsigned 32-bit values, and sign-extend the old word in rd;
 *  - LR.W sign-extends the loaded word; SC writes 0 to rd on success and a nonzero value
 *    on failure, and a failed SC does not write memory;
 *  - "SC.W succeeds only if the reservation is still valid": with no LR executed there is
 *    no reservation, so an SC without an LR must fail;
 *  - "Regardless of success or failure, executing an SC instruction invalidates any
 *    reservation held by this hart", and "an SC must fail if there is another SC (to any
 *    address) between the LR and the SC in program order";
 *  - a constrained LR/SC loop (LR, at most 16 instructions of I without loads, stores,
 *    backward jumps or taken backward branches, SC, same address and size) must eventually
 *    succeed; a single attempt may fail spuriously, so the success case retries (bounded).
 * Implementation choices, NOT checked here (the differential generator avoids them too):
 * whether an SC to another address than the LR's fails (the
 * reservation set may be arbitrarily large); whether a regular store by the same hart
 * between LR and SC breaks the reservation; whether an unconstrained LR/SC succeeds at the
 * first attempt; the exact failure code (1 means "unspecified failure", other codes are
 * reserved, portable software only assumes nonzero). */
#include "macros.h"

    .data
    .balign 8
amo_area:
    .dword 0
lrsc_area:
    .dword 0, 0

    .text

/* AMO_W op, initial word, rs2, expected new word, "what": the word at amo_area starts at
 * `initial` beside a sentinel upper word; rd must be the initial word sign-extended, the
 * word must become `new`, and the sentinel must survive (no carry or write past 32 bits). */
.macro AMO_W op, initial, source, new, what
    la s0, amo_area
    li t0, 0xa5a5a5a500000000 | (\initial & 0xffffffff)
    sd t0, 0(s0)
    li a2, \source
    \op a0, a2, (s0)
    li t1, \initial & 0xffffffff
    sext.w t1, t1
    sub a0, a0, t1
    CHECK a0, 0, "\what: rd is the old word sign-extended"
    ld a0, 0(s0)
    CHECK a0, 0xa5a5a5a500000000 | (\new & 0xffffffff), "\what: memory"
.endm

/* AMO_D op, initial, rs2, expected new doubleword, "what" */
.macro AMO_D op, initial, source, new, what
    la s0, amo_area
    li t0, \initial
    sd t0, 0(s0)
    li a2, \source
    \op a0, a2, (s0)
    CHECK a0, \initial, "\what: rd is the old doubleword"
    ld a0, 0(s0)
    CHECK a0, \new, "\what: memory"
.endm

TEST_BEGIN atomics

    AMO_W amoswap.w, 0x80000001, 0x12345678, 0x12345678, "amoswap.w"
    AMO_W amoadd.w, 0xffffffff, 2, 0x00000001, "amoadd.w wraps in 32 bits"
    AMO_W amoadd.w, 0x7fffffff, 0xffffffff00000001, 0x80000000, "amoadd.w ignores rs2[63:32]"
    AMO_W amoxor.w, 0xf0f0f0f0, 0xffffffff0ff00ff0, 0xff00ff00, "amoxor.w"
    AMO_W amoand.w, 0xf0f0f0f0, 0x0ff00ff0, 0x00f000f0, "amoand.w"
    AMO_W amoor.w, 0xf0f0f0f0, 0x0ff00ff0, 0xfff0fff0, "amoor.w"
    /* MIN/MAX .W compare the low words as signed: 0xfffffffe is -2 even though the
       64-bit register value is positive */
    AMO_W amomin.w, 0x80000001, 5, 0x80000001, "amomin.w keeps the negative word"
    AMO_W amomin.w, 5, 0x00000000fffffffe, 0xfffffffe, "amomin.w compares rs2's low word signed"
    AMO_W amomax.w, 0x80000001, 5, 5, "amomax.w"
    AMO_W amomax.w, 0xfffffffe, 0xffffffff, 0xffffffff, "amomax.w -2 vs -1"
    AMO_W amominu.w, 0x80000001, 5, 5, "amominu.w reads 0x80000001 as large"
    AMO_W amominu.w, 4, 0xffffffff00000003, 3, "amominu.w ignores rs2[63:32]"
    AMO_W amomaxu.w, 0x80000001, 5, 0x80000001, "amomaxu.w"
    AMO_W amomaxu.w, 4, 0xffffffff00000003, 4, "amomaxu.w compares 32-bit values only"

    AMO_D amoswap.d, 0x8000000000000001, 0x123456789abcdef0, 0x123456789abcdef0, "amoswap.d"
    AMO_D amoadd.d, 0xffffffffffffffff, 2, 1, "amoadd.d wraps"
    AMO_D amoadd.d, 0x00000000ffffffff, 1, 0x100000000, "amoadd.d carries past bit 31"
    AMO_D amoxor.d, 0xff00ff00ff00ff00, 0x0ff00ff00ff00ff0, 0xf0f0f0f0f0f0f0f0, "amoxor.d"
    AMO_D amoand.d, 0xff00ff00ff00ff00, 0x0ff00ff00ff00ff0, 0x0f000f000f000f00, "amoand.d"
    AMO_D amoor.d, 0xff00ff00ff00ff00, 0x0ff00ff00ff00ff0, 0xfff0fff0fff0fff0, "amoor.d"
    AMO_D amomin.d, 0x8000000000000000, 0x7fffffffffffffff, 0x8000000000000000, "amomin.d signed"
    AMO_D amomin.d, 5, 0x00000000fffffffe, 5, "amomin.d compares all 64 bits"
    AMO_D amomax.d, 0x8000000000000000, 0x7fffffffffffffff, 0x7fffffffffffffff, "amomax.d signed"
    AMO_D amomax.d, -2, -1, -1, "amomax.d -2 vs -1"
    AMO_D amominu.d, 0x8000000000000000, 0x7fffffffffffffff, 0x7fffffffffffffff, "amominu.d unsigned"
    AMO_D amominu.d, 0, -1, 0, "amominu.d 0 vs 2^64-1"
    AMO_D amomaxu.d, 0x8000000000000000, 0x7fffffffffffffff, 0x8000000000000000, "amomaxu.d unsigned"
    AMO_D amomaxu.d, 1, -1, -1, "amomaxu.d 1 vs 2^64-1"

    /* the aq and rl bits order memory; on one hart they change nothing else */
    AMO_W amoadd.w.aq, 10, 5, 15, "amoadd.w.aq"
    AMO_W amoor.w.rl, 0x10, 0x01, 0x11, "amoor.w.rl"
    AMO_D amoswap.d.aqrl, 7, 9, 9, "amoswap.d.aqrl"
    AMO_D amomaxu.d.aq, 3, 4, 4, "amomaxu.d.aq"

    /* an AMO on the upper word of a doubleword writes only that word */
    la s0, amo_area
    li t0, 0x1111111122222222
    sd t0, 0(s0)
    li a2, 0x33333333
    addi s1, s0, 4                  /* AMOs take no offset: the address is rs1 */
    amoswap.w a0, a2, (s1)
    CHECK a0, 0x11111111, "amoswap.w on the upper word returns it"
    ld a0, 0(s0)
    CHECK a0, 0x3333333322222222, "amoswap.w on the upper word leaves the lower word"
    /* rd == rs2: the old value replaces rs2 only after the operation used it */
    li t0, 100
    sd t0, 0(s0)
    li a2, 23
    amoadd.d a2, a2, (s0)
    CHECK a2, 100, "amoadd.d with rd == rs2 returns the old value"
    ld a0, 0(s0)
    CHECK a0, 123, "amoadd.d with rd == rs2 adds the old rs2"
    /* rd = x0: the store still happens (the AMOSWAP-as-store idiom) */
    li a2, 77
    amoswap.d zero, a2, (s0)
    ld a0, 0(s0)
    CHECK a0, 77, "amoswap.d to x0 still stores"
    mv a0, zero
    CHECK a0, 0, "amoswap.d to x0 does not write x0"

    /* SC without any LR fails and writes nothing */
    la s0, lrsc_area
    li t0, 0x0102030405060708
    sd t0, 0(s0)
    li a2, -1
    sc.w a0, a2, (s0)
    snez a0, a0
    CHECK a0, 1, "sc.w with no reservation fails (rd nonzero)"
    ld a0, 0(s0)
    CHECK a0, 0x0102030405060708, "a failed sc.w leaves memory alone"
    sc.d a0, a2, (s0)
    snez a0, a0
    CHECK a0, 1, "sc.d with no reservation fails"
    ld a0, 0(s0)
    CHECK a0, 0x0102030405060708, "a failed sc.d leaves memory alone"

    /* LR.W sign-extends; LR.D loads the doubleword */
    li t0, 0x00000000fedcba98
    sd t0, 0(s0)
    lr.w a0, (s0)
    CHECK a0, 0xfffffffffedcba98, "lr.w sign-extends the word"
    sc.w a1, zero, (s0)             /* ends the reservation whatever the outcome */
    li t0, 0x8877665544332211
    sd t0, 8(s0)
    addi s1, s0, 8
    lr.d a0, (s1)
    CHECK a0, 0x8877665544332211, "lr.d"
    sc.d a1, zero, (s1)

    /* LR then SC in a constrained loop: must eventually succeed, with rd = 0 */
    li t0, 41
    sd t0, 0(s0)
    li a3, 100                      /* retries allowed before calling it a failure */
1:  lr.d a0, (s0)
    addi a1, a0, 1
    sc.d a2, a1, (s0)
    beqz a2, 2f
    addi a3, a3, -1
    bnez a3, 1b
2:  CHECK a2, 0, "lr.d/sc.d constrained loop succeeds"
    ld a0, 0(s0)
    CHECK a0, 42, "the successful sc.d stored lr.d's value + 1"
    li t0, 0xffffffff7ffffffe
    sd t0, 0(s0)
    li a3, 100
1:  lr.w.aq a0, (s0)
    addi a1, a0, 1
    sc.w.rl a2, a1, (s0)
    beqz a2, 2f
    addi a3, a3, -1
    bnez a3, 1b
2:  CHECK a2, 0, "lr.w.aq/sc.w.rl constrained loop succeeds"
    CHECK a0, 0x7ffffffe, "lr.w of a positive word"
    ld a0, 0(s0)
    CHECK a0, 0xffffffff7fffffff, "sc.w writes only the low word"

    /* a second SC after an SC fails, whether the first succeeded or not */
    li t0, 5
    sd t0, 0(s0)
    lr.d a0, (s0)
    li a1, 6
    sc.d a2, a1, (s0)
    li a1, 7
    sc.d a2, a1, (s0)
    snez a2, a2
    CHECK a2, 1, "sc.d after an sc.d fails (the first SC ended the reservation)"
    ld a0, 0(s0)
    li t1, 7
    sub a0, a0, t1
    snez a0, a0
    CHECK a0, 1, "the failed second sc.d did not store"
    lr.w a0, (s0)
    li a1, 8
    sc.w a2, a1, (s0)
    sc.w a2, a1, (s0)
    snez a2, a2
    CHECK a2, 1, "sc.w after an sc.w fails"

TEST_END
