# A thread that enters the kernel again and again: the random-syscall test sets its registers
# and IPC buffer at every kernel exit, so each ecall is a fresh random system call.
    .text
    .globl _start
_start:
    ecall
    j _start

    .data
    .balign 8
    .globl fault_ep
    .type fault_ep, @object
    .size fault_ep, 8
fault_ep:
    .dword 0
