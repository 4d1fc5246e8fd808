/* jump_unmapped: a jump to 0x3000, where nothing is mapped: the fetch faults with an instruction page fault (cause 12) at the target, so sepc and stval are both 0x3000. */
#include "trap_guest.h"

    .globl trap_jump
    .set trap_here, 0x3000

    TRAP_MAIN
    .option norvc
    li t0, 0x3000
trap_jump:
    jr t0
    NOT_TRAPPED
