/* c_memory: memory access as GCC compiles it for RV64IMAC, built at -O0 and -O2: loads and
 * stores of every width through chars, shorts, ints and longs (sign- versus zero-extension
 * follows the C type), struct copies and initialisers (word copies or memcpy/memset),
 * packed structs (misaligned fields, read with byte loads or, at -O2, plain misaligned
 * loads), bit-fields (shift-and-mask), unions reinterpreting bytes (little-endian), arrays
 * on the stack, volatile accesses that must not be merged, and the __atomic builtins
 * (AMOs and LR/SC compare-exchange loops; GCC 12 sends byte and halfword atomics to
 * libatomic, which a bare guest does not link, so they are not here). C semantics and the RISC-V little-endian memory model make the expected
 * values; each was worked out by hand. */
#define ISA_PROGRAM "c_memory"
#include "check.h"

typedef unsigned long uint64;

struct record {
    signed char c;
    short s;
    int i;
    long l;
    unsigned char uc;
    unsigned short us;
    unsigned int ui;
};

struct __attribute__((packed)) packed {
    char tag;
    unsigned long value;        /* at offset 1: misaligned */
    unsigned int word;          /* at offset 9 */
    short half;                 /* at offset 13 */
};

struct bits {
    unsigned int low : 3;
    signed int mid : 5;         /* signed bit-field: reads sign-extend from bit 4 */
    unsigned int high : 24;
};

union pun {
    uint64 whole;
    unsigned int words[2];
    unsigned short halves[4];
    unsigned char bytes[8];
    signed char sbytes[8];
};

static struct record global_record = { -1, -2, -3, -4, 0xfe, 0xfffd, 0xfffffffc };
static struct packed global_packed;
static long counter;
static int counter32;
static unsigned char flag_byte[8] = { 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88 };

static void __attribute__((noinline)) copy_record(struct record *dst, const struct record *src)
{
    *dst = *src;
}

static long __attribute__((noinline)) sum_array(const long *a, int n)
{
    long s = 0;
    for (int i = 0; i < n; i++) {
        s += a[i];
    }
    return s;
}

int isa_main(void)
{
    /* loads extend according to the C type */
    struct record *g = OPAQUE(&global_record);
    CHECK((long)g->c, -1L, "signed char field sign-extends (lb)");
    CHECK((long)g->s, -2L, "short field sign-extends (lh)");
    CHECK((long)g->i, -3L, "int field sign-extends (lw)");
    CHECK(g->l, -4L, "long field (ld)");
    CHECK((unsigned long)g->uc, 0xfeUL, "unsigned char field zero-extends (lbu)");
    CHECK((unsigned long)g->us, 0xfffdUL, "unsigned short field zero-extends (lhu)");
    CHECK((unsigned long)g->ui, 0xfffffffcUL, "unsigned int field zero-extends (lwu)");

    /* struct copy and a stack array initialised from a constant table */
    struct record copy;
    copy_record(&copy, g);
    CHECK((long)copy.s, -2L, "struct copy keeps the short");
    CHECK((unsigned long)copy.ui, 0xfffffffcUL, "struct copy keeps the last field");
    long array[12] = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12 };
    array[OPAQUE(11)] = -100;
    CHECK(sum_array(array, 12), (unsigned long)(78L - 12 - 100), "stack array sum (1..12 = 78) after a store");
    char zeroed[40] = { 0 };
    zeroed[OPAQUE(39)] = 1;
    long zsum = 0;
    for (int i = 0; i < 40; i++) {
        zsum += zeroed[i];
    }
    CHECK(zsum, 1UL, "zero-initialised stack array");

    /* packed struct: misaligned fields */
    struct packed *p = OPAQUE(&global_packed);
    p->tag = 'x';
    p->value = 0x0102030405060708UL;
    p->word = 0xa1b2c3d4U;
    p->half = -3;
    CHECK(p->value, 0x0102030405060708UL, "packed misaligned long");
    CHECK((unsigned long)p->word, 0xa1b2c3d4UL, "packed misaligned unsigned int");
    CHECK((long)p->half, -3L, "packed misaligned short sign-extends");
    const unsigned char *raw = (const unsigned char *)p;
    CHECK((unsigned long)raw[1], 0x08UL, "packed long is little-endian at offset 1");
    CHECK((unsigned long)raw[9], 0xd4UL, "packed int starts at offset 9");

    /* bit-fields */
    struct bits bf = { 0 };
    bf.low = OPAQUE(13u);          /* 13 = 0b1101 keeps 0b101 in 3 bits */
    bf.mid = OPAQUE(-9);
    bf.high = OPAQUE(0xabcdefu);
    CHECK((unsigned long)bf.low, 5UL, "3-bit field truncates 13 to 5");
    CHECK((long)bf.mid, -9L, "signed 5-bit field sign-extends");
    CHECK((unsigned long)bf.high, 0xabcdefUL, "24-bit field");
    unsigned int packed_bits;
    memcpy(&packed_bits, &bf, sizeof packed_bits);
    CHECK((unsigned long)packed_bits, 0xabcdefbdUL, "bit-field layout: low bits first (-9 is 10111)");

    /* unions: one doubleword seen as words, halves and bytes */
    union pun u;
    u.whole = OPAQUE(0x8899aabbccddeeffUL);
    CHECK((unsigned long)u.words[0], 0xccddeeffUL, "low word first (little-endian)");
    CHECK((unsigned long)u.halves[3], 0x8899UL, "top halfword last");
    CHECK((unsigned long)u.bytes[0], 0xffUL, "lowest byte first");
    CHECK((long)u.sbytes[7], (unsigned long)(long)(signed char)0x88, "signed byte view sign-extends");
    u.bytes[OPAQUE(3)] = 0;
    CHECK(u.whole, 0x8899aabb00ddeeffUL, "a byte store inside a doubleword");

    /* volatile: every access happens, in order, at its width */
    volatile unsigned short *vh = (volatile unsigned short *)OPAQUE(&flag_byte[2]);
    *vh = 0xbeef;
    *vh = (unsigned short)(*vh + 1);
    CHECK((unsigned long)flag_byte[2], 0xf0UL, "volatile halfword store, low byte");
    CHECK((unsigned long)flag_byte[3], 0xbeUL, "volatile halfword store, high byte");
    CHECK((unsigned long)flag_byte[4], 0x55UL, "the neighbouring byte is untouched");

    /* atomics */
    long *cp = OPAQUE(&counter);
    *cp = 40;
    CHECK(__atomic_fetch_add(cp, 2, __ATOMIC_SEQ_CST), 40UL, "atomic fetch_add returns the old value");
    CHECK(counter, 42UL, "atomic fetch_add stored the sum");
    long expected = 42;
    CHECK(__atomic_compare_exchange_n(cp, &expected, 7L, 0, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST), 1UL,
            "compare-exchange succeeds when the value matches");
    CHECK(counter, 7UL, "compare-exchange stored the new value");
    expected = 99;
    CHECK(__atomic_compare_exchange_n(cp, &expected, 8L, 0, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST), 0UL,
            "compare-exchange fails when the value differs");
    CHECK(expected, 7UL, "a failed compare-exchange reports the current value");
    CHECK(__atomic_exchange_n(cp, -1L, __ATOMIC_ACQ_REL), 7UL, "atomic exchange returns the old value");
    int *c32 = OPAQUE(&counter32);
    *c32 = 0x7fffffff;
    CHECK((long)__atomic_add_fetch(c32, 1, __ATOMIC_RELAXED), (unsigned long)(long)(int)0x80000000,
            "32-bit atomic add (amoadd.w) wraps and sign-extends");
    CHECK((long)__atomic_fetch_and(c32, 0x0000ffff, __ATOMIC_RELAXED), (unsigned long)(long)(int)0x80000000,
            "32-bit atomic and returns the old value");
    CHECK((unsigned long)counter32, 0UL, "32-bit atomic and stored the result");
    CHECK(__atomic_fetch_or(cp, 0x0fL, __ATOMIC_RELAXED), (unsigned long)-1L, "atomic fetch_or (amoor.d)");
    CHECK(__atomic_xor_fetch(cp, 0x0fL, __ATOMIC_RELAXED), (unsigned long)-16L, "atomic xor_fetch (amoxor.d)");
    __atomic_thread_fence(__ATOMIC_SEQ_CST);
    CHECK(__atomic_load_n(cp, __ATOMIC_ACQUIRE), (unsigned long)-16L, "atomic load after a fence");

    TEST_END();
}
