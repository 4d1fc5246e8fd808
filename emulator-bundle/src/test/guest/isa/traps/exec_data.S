/* exec_data: a jump to a valid instruction stored in .data, a page mapped without execute permission: instruction page fault (cause 12) at the target (sepc = stval = its address). */
#include "trap_guest.h"

    .data
    .balign 4
trap_here:
    addi a0, zero, 99       /* a valid instruction, so only the permission can fault */
    ret

    TRAP_MAIN
    .option norvc
    la t0, trap_here
    .globl trap_jump
trap_jump:
    jalr ra, 0(t0)
    NOT_TRAPPED
