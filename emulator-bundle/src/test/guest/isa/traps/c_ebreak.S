/* c_ebreak: C.EBREAK (0x9002), the 16-bit EBREAK, raises a breakpoint exception at its own address. */
#include "trap_guest.h"

    TRAP_MAIN
    .option rvc
    c.nop
trap_here:
    c.ebreak
    NOT_TRAPPED
