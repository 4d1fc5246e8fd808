/* Self-checking harness for the C ISA guests: CHECK(got, expected, what) and TEST_END().
 *
 * Same contract as macros.h for the assembly guests: the first mismatch writes
 *     FAIL <program> case <n>: <what> (got 0x..., expected 0x...)
 * and exits 1; the end writes "PASS <program> (<k> cases)" and exits 0. Case n is the n-th
 * CHECK in the source (__COUNTER__), and TEST_END fails if the number of checks that ran
 * differs from the number written, so every CHECK must run exactly once (none in loops).
 *
 * A guest defines ISA_PROGRAM (its name) and isa_main() instead of main(). main, below,
 * moves sp onto a stack in .bss before calling isa_main: the bare runtime's stack
 * (__stack_top in bare.ld) lies past the last PT_LOAD segment, where qemu-user maps
 * nothing, so C code that touches the stack would fault there. A stack of our own keeps the
 * guests independent of how the runner maps that area.
 *
 * Values the compiler must not fold at compile time go through OPAQUE(x).
 */
#ifndef FAULTLINE_ISA_CHECK_H
#define FAULTLINE_ISA_CHECK_H

#include "bare.h"

#ifndef ISA_PROGRAM
#error "define ISA_PROGRAM (the program name) before including check.h"
#endif

#define ISA_STACK_BYTES 65536

char isa_stack[ISA_STACK_BYTES] __attribute__((aligned(16)));
int isa_main(void);

__asm__(".text\n"
        ".globl main\n"
        "main:\n"
        "    la sp, isa_stack + 65536\n"
        "    tail isa_main\n");

/* OPAQUE(x): the value of x, which the optimiser can no longer see through */
#define OPAQUE(x) ({ __typeof__(x) isa_v_ = (x); __asm__ volatile("" : "+r"(isa_v_)); isa_v_; })

static unsigned long isa_checks_run;

static void __attribute__((noreturn)) isa_exit(long status)
{
    register long a0 __asm__("a0") = status;
    register long a7 __asm__("a7") = 93;
    __asm__ volatile("ecall" : : "r"(a0), "r"(a7) : "memory");
    for (;;) {
    }
}

static void isa_put_dec(unsigned long value)
{
    char digits[24];
    int n = sizeof digits;
    do {
        digits[--n] = (char)('0' + value % 10);
        value /= 10;
    } while (value != 0);
    bare_write(1, digits + n, sizeof digits - n);
}

static void isa_put_hex(unsigned long value)
{
    char digits[16];
    for (int i = 15; i >= 0; i--) {
        digits[i] = "0123456789abcdef"[value & 15];
        value >>= 4;
    }
    bare_write(1, digits, sizeof digits);
}

static void __attribute__((noinline, noreturn)) isa_fail(unsigned long n, const char *what,
        unsigned long got, unsigned long expected)
{
    bare_puts("FAIL " ISA_PROGRAM " case ");
    isa_put_dec(n);
    bare_puts(": ");
    bare_puts(what);
    bare_puts(" (got 0x");
    isa_put_hex(got);
    bare_puts(", expected 0x");
    isa_put_hex(expected);
    bare_puts(")\n");
    isa_exit(1);
}

static void __attribute__((noinline)) isa_check(unsigned long n, unsigned long got,
        unsigned long expected, const char *what)
{
    isa_checks_run++;
    if (got != expected) {
        isa_fail(n, what, got, expected);
    }
}

static int __attribute__((noinline)) isa_finish(unsigned long written)
{
    if (isa_checks_run != written) {
        isa_fail(0, "checks run differ from checks written", isa_checks_run, written);
    }
    bare_puts("PASS " ISA_PROGRAM " (");
    isa_put_dec(isa_checks_run);
    bare_puts(" cases)\n");
    return 0;
}

#define CHECK(got, expected, what) \
    isa_check(__COUNTER__ + 1, (unsigned long)(got), (unsigned long)(expected), (what))
#define TEST_END() return isa_finish(__COUNTER__)

/* GCC may call these for struct copies and array initialisers even when freestanding; the
 * attribute stops it from turning their own loops back into calls to themselves. */
#define ISA_NO_LOOP_CALLS __attribute__((optimize("no-tree-loop-distribute-patterns")))

ISA_NO_LOOP_CALLS void *memcpy(void *dst, const void *src, size_t n)
{
    unsigned char *d = dst;
    const unsigned char *s = src;
    while (n--) {
        *d++ = *s++;
    }
    return dst;
}

ISA_NO_LOOP_CALLS void *memset(void *dst, int c, size_t n)
{
    unsigned char *d = dst;
    while (n--) {
        *d++ = (unsigned char)c;
    }
    return dst;
}

#endif
