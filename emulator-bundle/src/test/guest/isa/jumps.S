/* jumps: JAL and JALR. Facts: unprivileged ISA, "Unconditional Jumps": JAL writes pc+4 to
 * rd and jumps to pc + the sign-extended offset; JALR computes rs1 + the sign-extended
 * 12-bit immediate, sets the least-significant bit of the result to zero, and writes
 * pc+4 to rd; the target is computed from rs1 before rd is written, so rd == rs1 works. */
#include "macros.h"

TEST_BEGIN jumps

    /* JAL links the address of the next instruction */
    li a0, 0
    jal a1, 1f
jal_return_1:
    li a0, 1            /* skipped */
1:  la a2, jal_return_1
    sub a1, a1, a2
    CHECK a1, 0, "jal links pc+4"
    CHECK a0, 0, "jal skipped the instruction after it"

    /* JAL with rd = x0 is a plain jump and writes nothing */
    li a0, 0
    jal zero, 1f
    li a0, 1
1:  CHECK a0, 0, "jal x0 jumps without linking"

    /* JAL backward */
    li a0, 0
    j 2f
1:  addi a0, a0, 3
    j 3f
2:  jal t0, 1b
3:  CHECK a0, 3, "jal backward"

    /* JALR to rs1 + imm, negative and positive immediates */
    la t0, jalr_target_1 + 16
    li a0, 0
    jalr a1, -16(t0)
jalr_return_1:
    li a0, 1
jalr_target_1:
    la a2, jalr_return_1
    sub a1, a1, a2
    CHECK a1, 0, "jalr links pc+4"
    CHECK a0, 0, "jalr with a negative immediate reaches its target"
    la t0, jalr_target_2 - 2000
    li a0, 0
    jalr zero, 2000(t0)
    li a0, 1
jalr_target_2:
    CHECK a0, 0, "jalr with a positive immediate"

    /* JALR clears bit 0 of the sum: an odd rs1, or an odd immediate, jumps to the even
       address below it (no misaligned-fetch exception) */
    la t0, jalr_target_3
    addi t0, t0, 1
    li a0, 0
    jalr zero, 0(t0)
    li a0, 1
jalr_target_3:
    CHECK a0, 0, "jalr to an odd rs1 jumps to the even address"
    la t0, jalr_target_4
    li a0, 0
    jalr zero, 1(t0)
    li a0, 1
jalr_target_4:
    CHECK a0, 0, "jalr with an odd immediate jumps to the even address"
    la t0, jalr_target_5 - 1
    li a0, 0
    jalr zero, 2(t0)    /* sum = target + 1, bit 0 cleared = target */
    li a0, 1
jalr_target_5:
    CHECK a0, 0, "jalr rs1 + imm odd sum clears only bit 0"

    /* rd == rs1: the jump uses the old rs1, then rd gets the link */
    la a1, jalr_target_6
    li a0, 0
    jalr a1, 0(a1)
jalr_return_6:
    li a0, 1
jalr_target_6:
    la a2, jalr_return_6
    sub a1, a1, a2
    CHECK a1, 0, "jalr with rd == rs1 writes the link"
    CHECK a0, 0, "jalr with rd == rs1 jumps to the old rs1"
    /* the same with an odd old rs1 */
    la a1, jalr_target_7 + 1
    li a0, 0
    jalr a1, 0(a1)
jalr_return_7:
    li a0, 1
jalr_target_7:
    la a2, jalr_return_7
    sub a1, a1, a2
    CHECK a1, 0, "jalr rd == rs1 with an odd rs1 links pc+4"
    CHECK a0, 0, "jalr rd == rs1 with an odd rs1 jumps to the even address"

    /* call and return through a function */
    li a0, 40
    call add_two
    CHECK a0, 42, "call and ret through jal ra / jalr x0, 0(ra)"

    /* JAL with rd other than ra (the alternate link register t0 = x5) */
    li a0, 0
    jal t0, add_two_t0
    CHECK a0, 2, "jal t0 and jalr x0, 0(t0) return"

    /* a jump to the next instruction: offset 4 */
    li a0, 5
    jal a1, 1f
1:  la a2, 1b
    sub a1, a1, a2
    CHECK a1, 0, "jal to the next instruction links its own target"
    j jumps_done

add_two:
    addi a0, a0, 2
    ret
add_two_t0:
    addi a0, a0, 2
    jr t0

jumps_done:
TEST_END
