/* IPC benchmark server: seL4_Recv once, then answer every call with seL4_ReplyRecv. */
    .globl _start
_start:
    li a0, 1            /* the endpoint */
    li a7, -5           /* seL4_Recv */
    ecall
1:  li a0, 1
    li a1, 1            /* reply: label 0, one word */
    li a7, -2           /* seL4_ReplyRecv */
    ecall
    j 1b
