/* fence_i: self-modifying code made visible by FENCE.I (Zifencei), and FENCE, FENCE.TSO
 * and PAUSE executing as ordering instructions that change no register or memory on a
 * single hart. Facts: unprivileged ISA, "Zifencei": "FENCE.I ensures that a subsequent
 * instruction fetch on a RISC-V hart will see any previous data stores already visible to
 * the same RISC-V hart" (without it, a hart may keep executing stale instructions, so every
 * rewrite below is followed by FENCE.I before the code runs); "Memory Ordering
 * Instructions" (FENCE pred/succ sets; PAUSE is the FENCE encoding with pred = W and
 * succ = 0, a HINT). The code area sits in a section that is writable and executable
 * (flags "awx"), so the data segment is RWX: build with -Wl,--no-warn-rwx-segments. */
#include "macros.h"

    /* the code that gets rewritten, each stub called before and after its rewrite so a
       decoded-instruction cache would hold the old version */
    .section .smc, "awx"
    .balign 4
    .option push
    .option norvc
stub_a:                             /* a0 = 1, return */
    addi a0, zero, 1
    ret
stub_b:                             /* never executed before it is written */
    .word 0, 0
stub_loop:                          /* a0 = a0 + k, k rewritten on each pass */
    addi a0, a0, 0
    ret
    .option pop
    .option push
    .option rvc
    .balign 4
stub_c:                             /* 16-bit code: a0 = 3, return */
    c.li a0, 3
    c.jr ra
    .option pop

    /* replacement instructions, assembled (never executed) in read-only data */
    .section .rodata.templates, "a"
    .balign 4
    .option push
    .option norvc
new_a:
    addi a0, zero, 2
new_b:
    lui a0, 0xabcde
    ret
new_loop:
    addi a0, a0, 1                  /* the immediate field (bits 31..20) is patched */
    .option pop
    .option push
    .option rvc
new_c:
    c.li a0, 4
    .option pop

    .data
    .balign 8
plain:
    .dword 0

    .text
TEST_BEGIN fence_i

    /* rewrite a 32-bit instruction that has already run */
    call stub_a
    CHECK a0, 1, "stub_a runs as assembled"
    la t0, stub_a
    lw t1, new_a
    sw t1, 0(t0)
    fence.i
    call stub_a
    CHECK a0, 2, "after sw + fence.i the rewritten addi runs"

    /* write code into memory that has never been executed */
    la t0, stub_b
    la t2, new_b
    lw t1, 0(t2)
    sw t1, 0(t0)
    lw t1, 4(t2)
    sw t1, 4(t0)
    fence.i
    call stub_b
    CHECK a0, 0xffffffffabcde000, "freshly written lui + ret run"

    /* rewrite a 16-bit instruction with a halfword store */
    call stub_c
    CHECK a0, 3, "stub_c (c.li 3) runs as assembled"
    la t0, stub_c
    lhu t1, new_c
    sh t1, 0(t0)
    fence.i
    call stub_c
    CHECK a0, 4, "after sh + fence.i the rewritten c.li runs"

    /* patch the immediate of one instruction five times, running it after each patch:
       a0 = 1 + 2 + 3 + 4 + 5 */
    li a0, 0
    li s1, 1
    lw s2, new_loop
    li t3, 0x000fffff               /* keeps opcode, rd, funct3, rs1; clears the immediate */
    and s2, s2, t3
1:  slli t1, s1, 20
    or t1, t1, s2
    la t0, stub_loop
    sw t1, 0(t0)
    fence.i
    call stub_loop
    addi s1, s1, 1
    li t2, 6
    bne s1, t2, 1b
    CHECK a0, 15, "five patched immediates all ran"

    /* FENCE in its forms, FENCE.TSO and PAUSE: stores and loads around them behave as
       program order says, and no register changes */
    la t0, plain
    li t1, 0x1234
    li a1, 0x5555
    sd t1, 0(t0)
    fence
    fence rw, rw
    fence w, r
    fence iorw, iorw
    fence.tso
    .word 0x0100000f                /* PAUSE: FENCE pred=W succ=0, a HINT */
    ld a0, 0(t0)
    CHECK a0, 0x1234, "a load after the fences sees the earlier store"
    CHECK a1, 0x5555, "fences leave registers alone"

TEST_END
