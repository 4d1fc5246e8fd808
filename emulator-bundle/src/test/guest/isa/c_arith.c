/* c_arith: integer arithmetic as GCC compiles it for RV64IMAC, built at -O0 and -O2 so both
 * the literal and the optimised idioms run: division by constants (multiply-high magic
 * numbers), signed division and remainder by powers of two (shift with a rounding fix-up),
 * 32-bit int arithmetic (the W forms and sign extension), conversions between widths,
 * 128-bit multiply and divide (MULHU, and libgcc's __udivti3/__umodti3), comparisons
 * turned into SLT/SEQZ/SNEZ, branch-free selects, rotates, popcount and count-leading-zeros
 * (libgcc), switch jump tables (JALR through a table), indirect calls and recursion.
 * C semantics (C11 6.5.5: division truncates towards zero) and the RISC-V ISA make the
 * expected values; each was worked out by hand. */
#define ISA_PROGRAM "c_arith"
#include "check.h"

typedef long int64;
typedef unsigned long uint64;
typedef int int32;
typedef unsigned int uint32;
typedef short int16;
typedef unsigned short uint16;
typedef signed char int8;
typedef unsigned char uint8;

static int64 __attribute__((noinline)) fib(int64 n)
{
    return n < 2 ? n : fib(n - 1) + fib(n - 2);
}

static uint64 __attribute__((noinline)) gcd(uint64 a, uint64 b)
{
    while (b != 0) {
        uint64 t = a % b;
        a = b;
        b = t;
    }
    return a;
}

static int64 __attribute__((noinline)) classify(int64 k)
{
    /* dense cases: -O2 makes a jump table, -O0 a chain of compares */
    switch (k) {
    case 0: return 100;
    case 1: return 101;
    case 2: return 203;
    case 3: return 307;
    case 4: return 411;
    case 5: return 513;
    case 6: return 617;
    case 7: return 719;
    default: return -1;
    }
}

static int64 add3(int64 x) { return x + 3; }
static int64 twice(int64 x) { return x * 2; }

int isa_main(void)
{
    /* division and remainder by constants: truncation towards zero */
    int64 n = OPAQUE(-1000003L);
    CHECK(n / 7, -142857L, "signed division by 7 truncates towards zero");
    CHECK(n % 7, -4L, "signed remainder by 7 takes the dividend's sign");
    uint64 big = OPAQUE(0xffffffffffffffffUL);
    CHECK(big / 10, 0x1999999999999999UL, "unsigned division of 2^64-1 by 10");
    CHECK(big % 10, 5UL, "unsigned remainder of 2^64-1 by 10");
    int64 m = OPAQUE(-9223372036854775807L);
    CHECK(m / 1000, -9223372036854775L, "signed division of -(2^63-1) by 1000");
    CHECK(m % 1000, -807L, "signed remainder of -(2^63-1) by 1000");
    int64 e = OPAQUE(-17L);
    CHECK(e / 8, -2L, "signed division by 8 is not an arithmetic shift (which gives -3)");
    CHECK(e % 8, -1L, "signed remainder by 8");
    CHECK(e >> 3, -3L, "arithmetic right shift of -17 by 3 rounds down");
    CHECK((uint64)e / 8, 0x1ffffffffffffffdUL, "unsigned division by 8 is a logical shift");

    /* division by a variable: the M instructions, including the zero and overflow cases
       that C leaves undefined are not used here (those are in muldiv.S) */
    int64 d = OPAQUE(-3L);
    CHECK(OPAQUE(100L) / d, -33L, "division by a variable negative divisor");
    CHECK(OPAQUE(100L) % d, 1L, "remainder by a variable negative divisor");

    /* 32-bit int arithmetic: the result is sign-extended in the 64-bit register */
    uint32 u32 = OPAQUE(0x89abcdefU);
    int32 wrapped = (int32)(u32 * 3U);          /* 0x19d0369cd keeps its low word 0x9d0369cd */
    CHECK((int64)wrapped, 0xffffffff9d0369cdUL, "32-bit product converted to int is negative");
    CHECK((uint64)(u32 * 3U), 0x9d0369cdUL, "32-bit unsigned product zero-extends");
    int32 i32 = OPAQUE(-7);
    CHECK((int64)(i32 / 2), -3L, "32-bit signed division (divw)");
    CHECK((int64)(i32 % 2), -1L, "32-bit signed remainder (remw)");
    CHECK((uint64)((uint32)i32 / 2U), 0x7ffffffcUL, "32-bit unsigned division (divuw)");
    CHECK((int64)(i32 << 28), 0xffffffff90000000UL, "32-bit shift left (sllw) sign-extends");
    CHECK((uint64)((uint32)OPAQUE(0x80000000U) >> 31), 1UL, "32-bit logical right shift (srlw)");

    /* conversions between widths */
    int64 v = OPAQUE(0x123456789abcdef0L);
    CHECK((int64)(int8)v, 0xfffffffffffffff0UL, "to signed char and back sign-extends");
    CHECK((uint64)(uint8)v, 0xf0UL, "to unsigned char zero-extends");
    CHECK((int64)(int16)v, 0xffffffffffffdef0UL, "to short sign-extends");
    CHECK((uint64)(uint16)v, 0xdef0UL, "to unsigned short zero-extends");
    CHECK((int64)(int32)v, 0xffffffff9abcdef0UL, "to int sign-extends (sext.w)");
    CHECK((uint64)(uint32)v, 0x9abcdef0UL, "to unsigned int zero-extends");

    /* 128-bit products and quotients */
    unsigned __int128 p = (unsigned __int128)OPAQUE(0xfedcba9876543210UL) * OPAQUE(0x123456789abcdef1UL);
    CHECK((uint64)(p >> 64), 0x121fa00ad77d7423UL, "128-bit product, upper half (mulhu)");
    CHECK((uint64)p, 0x224a4396cc6d0110UL, "128-bit product, lower half (mul)");
    unsigned __int128 x = ((unsigned __int128)OPAQUE(0xfedcba9876543210UL) << 64) | 0x0123456789abcdefUL;
    unsigned __int128 q = x / OPAQUE(0x1000000007UL);
    CHECK((uint64)(q >> 64), 0xfedcba9UL, "128-bit quotient, upper half (__udivti3)");
    CHECK((uint64)q, 0x806d3a06d7e26af3UL, "128-bit quotient, lower half");
    CHECK((uint64)(x % OPAQUE(0x1000000007UL)), 0x7a27ae14aUL, "128-bit remainder (__umodti3)");
    __int128 sp = (__int128)OPAQUE(-2L) * OPAQUE(3L);
    CHECK((uint64)(sp >> 64), 0xffffffffffffffffUL, "signed 128-bit product of -2 and 3, upper half (mulh)");

    /* comparisons as values and branch-free selects */
    int64 a = OPAQUE(-5L), b = OPAQUE(3L);
    CHECK(a < b, 1UL, "signed less-than as a value (slt)");
    CHECK((uint64)a < (uint64)b, 0UL, "unsigned less-than as a value (sltu)");
    CHECK(a == -5, 1UL, "equality as a value (seqz)");
    CHECK(b != 3, 0UL, "inequality as a value (snez)");
    CHECK(a < b ? a : b, (uint64)-5L, "minimum");
    CHECK(a > b ? a : b, 3UL, "maximum");
    CHECK(a < 0 ? -a : a, 5UL, "absolute value");

    /* bit manipulation */
    uint64 r = OPAQUE(0x8000000000000001UL);
    unsigned k = OPAQUE(4U);
    CHECK((r << k) | (r >> (64 - k)), 0x18UL, "rotate left by a variable");
    CHECK(__builtin_popcountl(OPAQUE(0xf0f0f0f0f0f0f0f1UL)), 33UL, "popcount");
    CHECK(__builtin_clzl(OPAQUE(0x0000100000000000UL)), 19UL, "count leading zeros");
    CHECK(__builtin_ctzl(OPAQUE(0x0000100000000000UL)), 44UL, "count trailing zeros");
    int64 sum;
    CHECK(__builtin_add_overflow(OPAQUE(0x7fffffffffffffffL), OPAQUE(1L), &sum), 1UL,
            "signed add overflow is detected");
    CHECK(sum, 0x8000000000000000UL, "the wrapped sum");
    uint64 usum;
    CHECK(__builtin_add_overflow(OPAQUE(0xffffffffffffffffUL), OPAQUE(2UL), &usum), 1UL,
            "unsigned add carry is detected");

    /* hashing loops: multiply-accumulate and xor-multiply */
    const char *text = OPAQUE((const char *)"faultline");
    uint64 h = 0;
    for (const char *c = text; *c; c++) {
        h = h * 31 + (uint8)*c;
    }
    CHECK(h, 0x51a55bb00916UL, "polynomial hash of \"faultline\"");
    uint64 fnv = 0xcbf29ce484222325UL;
    for (const char *c = text; *c; c++) {
        fnv = (fnv ^ (uint8)*c) * 0x100000001b3UL;
    }
    CHECK(fnv, 0x4cd1fbd31eedfcbdUL, "FNV-1a hash of \"faultline\"");

    /* calls: recursion, loops with remainders, jump tables, function pointers */
    CHECK(fib(OPAQUE(20L)), 6765UL, "recursive fib(20)");
    CHECK(gcd(OPAQUE(1071UL * 13), OPAQUE(462UL * 13)), 273UL, "Euclid's gcd");
    CHECK(classify(OPAQUE(6L)), 617UL, "switch case 6");
    CHECK(classify(OPAQUE(0L)), 100UL, "switch case 0");
    CHECK(classify(OPAQUE(8L)), (uint64)-1L, "switch default above the table");
    CHECK(classify(OPAQUE(-1L)), (uint64)-1L, "switch default below the table");
    int64 (*ops[2])(int64) = { add3, twice };
    int64 acc = OPAQUE(5L);
    for (int i = 0; i < 4; i++) {
        acc = ops[i & 1](acc);
    }
    CHECK(acc, 38UL, "indirect calls: ((5 + 3) * 2 + 3) * 2");

    TEST_END();
}
