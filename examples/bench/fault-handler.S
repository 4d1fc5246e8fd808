/* Fault benchmark handler: receives each UserException on the fault endpoint in slot 1 and replies
   with label 0 and two words, FaultIP + 4 and the same sp, so the client restarts past its ebreak. */
    .globl _start
_start:
    li a0, 1            /* the fault endpoint */
    li a7, -5           /* seL4_Recv */
    ecall
1:  addi a2, a2, 4      /* MR0: FaultIP past the 4-byte ebreak; MR1 (a3) keeps sp */
    li a0, 1
    li a1, 2            /* reply: label 0, two words */
    li a7, -2           /* seL4_ReplyRecv */
    ecall
    j 1b
