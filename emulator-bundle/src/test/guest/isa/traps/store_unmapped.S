/* store_unmapped: a store to 0x2340, where nothing is mapped: store/AMO page fault (cause 15), stval = the address. */
#include "trap_guest.h"

    TRAP_MAIN
    .option norvc
    li t0, 0x2340
    li a0, 1
trap_here:
    sw a0, 0(t0)
    NOT_TRAPPED
