/* Self-checking test harness for the assembly ISA guests: TEST_BEGIN, CHECK, TEST_END.
 *
 * A program is   TEST_BEGIN name   ...cases...   TEST_END.
 * Each CHECK compares a register with a constant: on the first mismatch the program writes
 *     FAIL <name> case <n>: <what> (got 0x..., expected 0x...)
 * and exits with status 1; after the last case it writes
 *     PASS <name> (<k> cases)
 * and exits 0. Both leave through the Linux exit call directly (a7 = 93), so a case that
 * breaks ra or sp cannot hide a result.
 *
 * Registers the harness owns (cases must not write them):
 *   t6   the expected value inside CHECK;
 *   s11  the number of checks run so far. TEST_END compares it with the number of CHECKs
 *        assembled, so a hart that skips or repeats a case fails even if every check it ran
 *        passed.
 *   sp, gp as start.S set them (cases that need a stack area use the stack below sp).
 * Case numbers count CHECKs from 1 in source order (an assembler symbol, not a register).
 *
 * Programs assemble with `.option norvc` so every base instruction keeps its 32-bit
 * encoding; compressed.S switches RVC back on where it means to.
 */
#ifndef FAULTLINE_ISA_MACROS_H
#define FAULTLINE_ISA_MACROS_H

#define SYS_WRITE 64
#define SYS_EXIT 93

.macro TEST_BEGIN name
    .section .rodata.isa_name, "a"
isa_program_name:
    .asciz "\name"
    .text
    .option norvc
    .globl main
    .balign 4
main:
    li s11, 0
    .set isa_case, 0
.endm

/* CHECK reg, constant, "what": one case. The constant is any value `li` accepts. */
.macro CHECK got, expected, what
    .set isa_case, isa_case + 1
    addi s11, s11, 1
    li t6, \expected
    beq \got, t6, .Lisa_ok\@
    mv a2, \got
    mv a3, t6
    li a0, isa_case
    la a1, .Lisa_what\@
    j isa_fail
    .pushsection .rodata.isa_what, "a"
.Lisa_what\@:
    .asciz "\what"
    .popsection
.Lisa_ok\@:
.endm

/* FAIL_NOW "what": an unconditional failure as the next case (a path that must not run). */
.macro FAIL_NOW what
    .set isa_case, isa_case + 1
    li a2, 0
    li a3, 0
    li a0, isa_case
    la a1, .Lisa_what\@
    j isa_fail
    .pushsection .rodata.isa_what, "a"
.Lisa_what\@:
    .asciz "\what"
    .popsection
.endm

/* TEST_END: the count check, the PASS line, and the reporting routines (RV64I only, so a
 * broken M or C extension cannot garble the report of its own failure). */
.macro TEST_END
    .option norvc
    li t6, isa_case
    beq s11, t6, .Lisa_pass
    mv a2, s11
    mv a3, t6
    li a0, 0
    la a1, isa_count_what
    j isa_fail
.Lisa_pass:
    la a0, isa_pass_text
    jal isa_put_str
    la a0, isa_program_name
    jal isa_put_str
    la a0, isa_open_text
    jal isa_put_str
    mv a0, s11
    jal isa_put_dec
    la a0, isa_cases_text
    jal isa_put_str
    li a0, 0
    li a7, SYS_EXIT
    ecall

/* a0 = case number, a1 = what, a2 = value got, a3 = value expected */
isa_fail:
    mv s1, a0
    mv s2, a1
    mv s3, a2
    mv s4, a3
    la a0, isa_fail_text
    jal isa_put_str
    la a0, isa_program_name
    jal isa_put_str
    la a0, isa_case_text
    jal isa_put_str
    mv a0, s1
    jal isa_put_dec
    la a0, isa_colon_text
    jal isa_put_str
    mv a0, s2
    jal isa_put_str
    la a0, isa_got_text
    jal isa_put_str
    mv a0, s3
    jal isa_put_hex
    la a0, isa_expected_text
    jal isa_put_str
    mv a0, s4
    jal isa_put_hex
    la a0, isa_close_text
    jal isa_put_str
    li a0, 1
    li a7, SYS_EXIT
    ecall

/* isa_put_str: writes the NUL-terminated string at a0 to stdout. */
isa_put_str:
    mv a1, a0
    mv a2, a0
1:  lbu t0, 0(a2)
    beqz t0, 2f
    addi a2, a2, 1
    j 1b
2:  sub a2, a2, a1
    li a0, 1
    li a7, SYS_WRITE
    ecall
    ret

/* isa_put_dec: writes a0 (unsigned) in decimal, by repeated subtraction of powers of ten. */
isa_put_dec:
    la a1, isa_digits
    mv a2, a1
    la t1, isa_powers_of_ten
    li t3, 0                    /* a nonzero digit seen: later zeros are printed */
1:  ld t2, 0(t1)
    beqz t2, 3f
    li t0, '0'
2:  bltu a0, t2, 4f
    sub a0, a0, t2
    addi t0, t0, 1
    j 2b
4:  addi t1, t1, 8
    li t4, '0'
    bne t0, t4, 5f
    beqz t3, 1b
5:  li t3, 1
    sb t0, 0(a2)
    addi a2, a2, 1
    j 1b
3:  addi t0, a0, '0'            /* the units digit, always printed */
    sb t0, 0(a2)
    addi a2, a2, 1
    sub a2, a2, a1
    li a0, 1
    li a7, SYS_WRITE
    ecall
    ret

/* isa_put_hex: writes a0 as 16 hexadecimal digits. */
isa_put_hex:
    la a1, isa_digits
    li t1, 60
1:  srl t0, a0, t1
    andi t0, t0, 15
    li t2, 10
    bltu t0, t2, 2f
    addi t0, t0, 'a' - '0' - 10
2:  addi t0, t0, '0'
    sb t0, 0(a1)
    addi a1, a1, 1
    addi t1, t1, -4
    bgez t1, 1b
    la a1, isa_digits
    li a2, 16
    li a0, 1
    li a7, SYS_WRITE
    ecall
    ret

    .section .rodata.isa_report, "a"
    .balign 8
isa_powers_of_ten:
    .dword 10000000000000000000, 1000000000000000000, 100000000000000000
    .dword 10000000000000000, 1000000000000000, 100000000000000, 10000000000000
    .dword 1000000000000, 100000000000, 10000000000, 1000000000, 100000000
    .dword 10000000, 1000000, 100000, 10000, 1000, 100, 10, 0
isa_pass_text:      .asciz "PASS "
isa_open_text:      .asciz " ("
isa_cases_text:     .asciz " cases)\n"
isa_fail_text:      .asciz "FAIL "
isa_case_text:      .asciz " case "
isa_colon_text:     .asciz ": "
isa_got_text:       .asciz " (got 0x"
isa_expected_text:  .asciz ", expected 0x"
isa_close_text:     .asciz ")\n"
isa_count_what:     .asciz "checks run differ from checks assembled"

    .section .bss.isa_report, "aw", @nobits
isa_digits:
    .skip 24
    .text
.endm

#endif
