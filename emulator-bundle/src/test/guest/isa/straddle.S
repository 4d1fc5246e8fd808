/* straddle: 32-bit instructions whose first half is the last two bytes of a 4 KiB page and
 * whose second half is the first two bytes of the next page. Facts: unprivileged ISA, "C"
 * extension: with RVC, 32-bit instructions need only 2-byte alignment ("IALIGN=16"), so an
 * instruction may span two pages; the privileged ISA lets such a fetch fault on either page,
 * so both halves must be fetched. Here both pages are mapped and executable, so each case
 * must run like any other instruction: reached by falling through, as a jump target, as a
 * jump or branch (its own pc is the page end - 2), and as AUIPC (which reads that pc).
 * Each block sits at the end of its own page, in section .text.straddle. */
#include "macros.h"

/* STRADDLE_PAGE: pad to 10 bytes before the next page boundary (the padding never runs) */
.macro STRADDLE_PAGE
    .balign 4096
    .skip 4096 - 10
.endm

    .section .text.straddle, "ax"
    .option push
    .option rvc

    /* block 1: fall through two 16-bit instructions into a straddling AUIPC */
    STRADDLE_PAGE
block1:
    c.li a0, 0                      /* page end - 10 */
    c.nop                           /* -8 */
    c.nop                           /* -6 */
    c.nop                           /* -4 */
block1_auipc:
    .option push
    .option norvc
    auipc a0, 0                     /* -2: bytes on both pages */
    .option pop
    la a1, block1_auipc
    j block1_back

    /* block 2: a jump lands on a straddling LUI */
    STRADDLE_PAGE
    c.nop
    c.nop
    c.nop
    c.nop
block2_lui:
    .option push
    .option norvc
    lui a0, 0x12345                 /* -2: a jump target that straddles */
    .option pop
    j block2_back

    /* block 3: a straddling JAL links pc + 4, the first instruction of the next page + 2 */
    STRADDLE_PAGE
block3:
    c.nop
    c.nop
    c.nop
    c.nop
block3_jal:
    .option push
    .option norvc
    jal ra, block3_target           /* -2 */
    .option pop
block3_link:
    c.li a2, 1                      /* never reached */
block3_target:
    la a1, block3_link
    j block3_back

    /* block 4: a straddling branch that is not taken falls through to the next page */
    STRADDLE_PAGE
block4:
    c.li a2, 0
    c.nop
    c.nop
    c.nop
block4_branch:
    .option push
    .option norvc
    bne zero, zero, block4_wrong    /* -2: not taken */
    .option pop
    j block4_back
block4_wrong:
    c.li a2, 1
    j block4_back

    /* block 5: a taken branch that straddles */
    STRADDLE_PAGE
block5:
    c.li a2, 0
    c.nop
    c.nop
    c.nop
block5_branch:
    .option push
    .option norvc
    beq zero, zero, block5_target   /* -2: taken */
    .option pop
    c.li a2, 1                      /* not reached */
block5_target:
    j block5_back
    .option pop

    .text
TEST_BEGIN straddle
    j block1
block1_back:
    sub a0, a0, a1
    CHECK a0, 0, "a straddling auipc reached by falling through reads its own pc"
    la t0, block2_lui
    li a0, 0
    jr t0
block2_back:
    CHECK a0, 0x12345000, "a straddling lui as a jump target"
    j block3
block3_back:
    sub a1, ra, a1
    CHECK a1, 0, "a straddling jal links pc + 4 on the next page"
    j block4
block4_back:
    CHECK a2, 0, "a straddling bne that is not taken falls through"
    j block5
block5_back:
    CHECK a2, 0, "a straddling taken beq jumps from its own pc"
TEST_END
