/* load_unmapped: a load from 0x1230, below the image at 0x10000 where nothing is mapped: load page fault (cause 13), stval = the address. */
#include "trap_guest.h"

    TRAP_MAIN
    .option norvc
    li t0, 0x1230
trap_here:
    ld a0, 0(t0)
    NOT_TRAPPED
