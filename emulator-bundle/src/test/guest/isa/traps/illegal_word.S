/* illegal_word: 0xfe000033, an OP-major-opcode word with funct7 = 1111111, which no ratified extension of this hart assigns: an illegal instruction whose stval is the word. */
#include "trap_guest.h"

    TRAP_MAIN
    .option norvc
trap_here:
    .word 0xfe000033
    NOT_TRAPPED
