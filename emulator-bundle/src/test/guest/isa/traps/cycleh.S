/* cycleh: cycleh (0xc80) exists only on RV32 (Zicntr); on RV64 the address is unimplemented, so reading it is an illegal instruction. */
#include "trap_guest.h"

    TRAP_MAIN
    .option norvc
trap_here:
    csrr a0, cycleh
    NOT_TRAPPED
