/* lr_misaligned: LR.D from an address 4 mod 8. LR/SC require natural alignment ("Zalrsc": otherwise an address-misaligned or access-fault exception); LR is a load, so this hart raises load address misaligned (cause 4), stval = the address. */
#include "trap_guest.h"

    .data
    .balign 8
    .globl lr_word
lr_word:
    .dword 0, 0

    TRAP_MAIN
    .option norvc
    la t0, lr_word + 4
trap_here:
    lr.d a0, (t0)
    NOT_TRAPPED
