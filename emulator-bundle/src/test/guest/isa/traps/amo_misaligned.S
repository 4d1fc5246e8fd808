/* amo_misaligned: AMOADD.W to an address 2 mod 4. AMOs require natural alignment ("Zaamo": otherwise an address-misaligned or access-fault exception); this hart raises store/AMO address misaligned (cause 6), stval = the address. */
#include "trap_guest.h"

    .data
    .balign 8
    .globl amo_word
amo_word:
    .dword 0

    TRAP_MAIN
    .option norvc
    la t0, amo_word + 2
    li a1, 1
trap_here:
    amoadd.w a0, a1, (t0)
    NOT_TRAPPED
