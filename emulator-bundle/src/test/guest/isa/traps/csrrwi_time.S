/* csrrwi_time: CSRRWI always writes (even rd = x0 only skips the read), so CSRRWI to the read-only time counter is illegal. */
#include "trap_guest.h"

    TRAP_MAIN
    .option norvc
trap_here:
    csrrwi a0, time, 5
    NOT_TRAPPED
