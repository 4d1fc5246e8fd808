/* Shared frame of the trap guests: each defines main, reaches the instruction labelled
 * trap_here (for an instruction-fetch fault: the jump labelled trap_jump, whose target is
 * trap_here) and traps there. Should the instruction not trap, NOT_TRAPPED exits with
 * status 99, so a missing trap is an ordinary, visible exit. traps.properties holds the
 * expected cause and tval of each. */
#ifndef FAULTLINE_TRAP_GUEST_H
#define FAULTLINE_TRAP_GUEST_H

.macro NOT_TRAPPED
    li a0, 99
    li a7, 93
    ecall
.endm

.macro TRAP_MAIN
    .text
    .globl main
    .globl trap_here
    .balign 4
main:
.endm

#endif
