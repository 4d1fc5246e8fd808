/* branches: BEQ BNE BLT BGE BLTU BGEU, each taken and not taken at the boundary values
 * (equal operands, one apart, the signed/unsigned extremes), forward and backward, and
 * at the far ends of the 13-bit offset. Facts: unprivileged ISA, "Conditional Branches":
 * BLT/BGE compare signed, BLTU/BGEU unsigned; the offset is a signed multiple of 2 added
 * to the address of the branch. */
#include "macros.h"

/* BRANCH op, x, y, taken, "what": a0 ends 2 if the branch was taken, 1 if it fell through */
.macro BRANCH op, x, y, taken, what
    li a1, \x
    li a2, \y
    li a0, 0
    \op a1, a2, .Lbranch_taken\@
    addi a0, a0, 1
    j .Lbranch_end\@
.Lbranch_taken\@:
    addi a0, a0, 2
.Lbranch_end\@:
    CHECK a0, 1 + \taken, "\what"
.endm

#define INT64_MIN 0x8000000000000000
#define INT64_MAX 0x7fffffffffffffff

TEST_BEGIN branches

    BRANCH beq, 5, 5, 1, "beq equal"
    BRANCH beq, 5, 6, 0, "beq differ by one"
    BRANCH beq, 0x100000005, 5, 0, "beq compares all 64 bits"
    BRANCH beq, -1, -1, 1, "beq all ones"
    BRANCH bne, 5, 5, 0, "bne equal"
    BRANCH bne, INT64_MIN, INT64_MAX, 1, "bne min and max"
    BRANCH bne, 0x100000000, 0, 1, "bne differs only in bit 32"

    BRANCH blt, -1, 0, 1, "blt -1 < 0 signed"
    BRANCH blt, 0, -1, 0, "blt 0 < -1 false"
    BRANCH blt, INT64_MIN, INT64_MAX, 1, "blt INT64_MIN < INT64_MAX"
    BRANCH blt, INT64_MAX, INT64_MIN, 0, "blt INT64_MAX < INT64_MIN false"
    BRANCH blt, 7, 7, 0, "blt equal is false"
    BRANCH blt, -2, -1, 1, "blt -2 < -1"
    BRANCH bge, 7, 7, 1, "bge equal is true"
    BRANCH bge, -1, 0, 0, "bge -1 >= 0 false"
    BRANCH bge, 0, -1, 1, "bge 0 >= -1"
    BRANCH bge, INT64_MIN, INT64_MAX, 0, "bge INT64_MIN >= INT64_MAX false"
    BRANCH bge, INT64_MAX, INT64_MIN, 1, "bge INT64_MAX >= INT64_MIN"

    BRANCH bltu, 0, -1, 1, "bltu 0 < 2^64-1"
    BRANCH bltu, -1, 0, 0, "bltu 2^64-1 < 0 false"
    BRANCH bltu, INT64_MAX, INT64_MIN, 1, "bltu 2^63-1 < 2^63"
    BRANCH bltu, INT64_MIN, INT64_MAX, 0, "bltu 2^63 < 2^63-1 false"
    BRANCH bltu, 9, 9, 0, "bltu equal is false"
    BRANCH bgeu, 9, 9, 1, "bgeu equal is true"
    BRANCH bgeu, -1, 0, 1, "bgeu 2^64-1 >= 0"
    BRANCH bgeu, 0, -1, 0, "bgeu 0 >= 2^64-1 false"
    BRANCH bgeu, INT64_MIN, INT64_MAX, 1, "bgeu 2^63 >= 2^63-1"
    BRANCH bgeu, 0, 1, 0, "bgeu 0 >= 1 false"

    /* the same register on both sides */
    li a1, -3
    li a0, 0
    bge a1, a1, 1f
    li a0, 1
1:  CHECK a0, 0, "bge rs1 == rs2 register is taken"
    li a0, 0
    bltu a1, a1, 1f
    j 2f
1:  li a0, 1
2:  CHECK a0, 0, "bltu rs1 == rs2 register is not taken"

    /* backward branches: a countdown loop runs exactly 5 times */
    li a1, 5
    li a0, 0
1:  addi a0, a0, 10
    addi a1, a1, -1
    bnez a1, 1b
    CHECK a0, 50, "backward bne loop runs 5 times"

    /* far offsets: +4092 forward, and -4092 backward (the offset range is -4096..+4094) */
    li a0, 0
    beq zero, zero, far_forward
    .fill 1021, 4, 0x00000013       /* 1021 NOPs (ADDI x0, x0, 0) and the li below: offset 4092 */
    li a0, 1                        /* never reached: the fill is jumped over */
far_forward:
    CHECK a0, 0, "beq with offset +4092"
    li a0, 0
    j far_backward_start
far_backward_target:
    addi a0, a0, 7
    j far_backward_end
    .fill 1020, 4, 0x00000013
far_backward_start:
    bnez zero, far_backward_end     /* not taken */
    blt zero, zero, far_backward_end /* not taken */
    bltu zero, s11, far_backward_target /* taken: offset -(1020*4 + 8 + 8) = -4096 */
    li a0, 100
far_backward_end:
    CHECK a0, 7, "bltu with offset -4096"

TEST_END
