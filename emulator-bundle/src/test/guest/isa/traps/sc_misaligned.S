/* sc_misaligned: SC.W to an address 1 mod 4 with no reservation: the alignment check comes first (the spec requires the exception whatever the reservation), so store/AMO address misaligned (cause 6), stval = the address. */
#include "trap_guest.h"

    .data
    .balign 8
    .globl sc_word
sc_word:
    .dword 0

    TRAP_MAIN
    .option norvc
    la t0, sc_word + 1
    li a1, 5
trap_here:
    sc.w a0, a1, (t0)
    NOT_TRAPPED
