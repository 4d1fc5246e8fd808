/* store_rodata: a store to a word of .rodata, mapped read-only: store/AMO page fault (cause 15), stval = the word's address. */
#include "trap_guest.h"

    .section .rodata
    .balign 8
    .globl ro_word
ro_word:
    .dword 0x1234

    TRAP_MAIN
    .option norvc
    la t0, ro_word
    li a0, 1
trap_here:
    sd a0, 0(t0)
    NOT_TRAPPED
