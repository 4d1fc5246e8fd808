/* Entry point of a bare guest: sets up gp and sp, calls main, exits with its result through
   the Linux exit call (a7 = 93), the only way out that both Faultline's bare runner and
   qemu-riscv64 understand. */
    .section .text.start
    .globl _start
_start:
    .option push
    .option norelax
    la gp, __global_pointer$
    .option pop
    la sp, __stack_top
    call main
    li a7, 93
    ecall
1:  j 1b
