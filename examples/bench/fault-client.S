/* Fault benchmark client: an ebreak, ROUNDS times, each a UserException that the handler answers
   by stepping the pc past it; then seL4_DebugHalt. The loader puts the round count in a0. */
    .option norvc
    .globl _start
_start:
    mv s0, a0
1:  ebreak
    addi s0, s0, -1
    bnez s0, 1b
    li a7, -11          /* seL4_DebugHalt */
    ecall
