/* ebreak: EBREAK raises a breakpoint exception (cause 3) at its own address (unprivileged ISA, "Environment Call and Breakpoints"). */
#include "trap_guest.h"

    TRAP_MAIN
    .option norvc
trap_here:
    ebreak
    NOT_TRAPPED
