/* c_unimp: the 16-bit word 0x0000 is defined illegal ("C" extension: an all-zero instruction is illegal, so that running zeroed memory traps); stval holds the 16 instruction bits, 0. */
#include "trap_guest.h"

    TRAP_MAIN
    .option rvc
    c.nop
trap_here:
    .2byte 0x0000
    NOT_TRAPPED
