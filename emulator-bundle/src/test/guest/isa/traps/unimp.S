/* unimp: UNIMP is 0xc0001073, CSRRW x0, cycle, x0: a write to the read-only cycle CSR, so an illegal instruction (unprivileged ISA, "Zicsr": writes to read-only CSRs raise illegal-instruction exceptions; the RISC-V assembly manual defines unimp this way). */
#include "trap_guest.h"

    TRAP_MAIN
    .option norvc
trap_here:
    .word 0xc0001073
    NOT_TRAPPED
