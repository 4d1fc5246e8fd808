/* IPC benchmark client: seL4_Call on the endpoint in slot 1, ROUNDS times, then seL4_DebugHalt.
   The loader puts the round count in a0. */
    .globl _start
_start:
    mv s0, a0
1:  li a0, 1            /* the endpoint */
    li a1, 1            /* message info: label 0, one word */
    mv a2, s0           /* MR0: the rounds left */
    li a7, -1           /* seL4_Call */
    ecall
    addi s0, s0, -1
    bnez s0, 1b
    li a7, -11          /* seL4_DebugHalt */
    ecall
