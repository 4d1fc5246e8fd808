/* store_text: a store into .text, mapped readable and executable but not writable: store/AMO page fault (cause 15), stval = the address. */
#include "trap_guest.h"

    TRAP_MAIN
    .option norvc
    la t0, text_word
    li a0, 1
trap_here:
    sw a0, 0(t0)
    NOT_TRAPPED
    .globl text_word
text_word:
    .word 0x00000013
