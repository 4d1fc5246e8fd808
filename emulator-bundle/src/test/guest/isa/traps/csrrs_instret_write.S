/* csrrs_instret_write: CSRRS with rs1 other than x0 is a write attempt even when the register holds 0 (Zicsr: only rs1 = x0 means no write), so it is illegal on read-only instret. */
#include "trap_guest.h"

    TRAP_MAIN
    .option norvc
    li a1, 0
trap_here:
    csrrs a0, instret, a1
    NOT_TRAPPED
