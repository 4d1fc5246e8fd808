/* csrw_cycle: CSRRW x0, cycle, a0 (0xc0051073) writes the read-only cycle counter: illegal instruction (Zicsr: an attempt to write a read-only CSR raises an illegal-instruction exception). */
#include "trap_guest.h"

    TRAP_MAIN
    .option norvc
    li a0, 0
trap_here:
    csrw cycle, a0
    NOT_TRAPPED
