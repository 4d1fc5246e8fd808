/* A guest for disassembly tests: the A extension with every ordering, and (from counters.S) the
   counters and fences of Zicsr and Zifencei. */
#include "bare.h"

static long shared64;
static int shared32;

static long atomics64(long v)
{
    long r = __atomic_fetch_add(&shared64, v, __ATOMIC_RELAXED);
    r += __atomic_fetch_and(&shared64, v, __ATOMIC_ACQUIRE);
    r += __atomic_fetch_or(&shared64, v, __ATOMIC_RELEASE);
    r += __atomic_fetch_xor(&shared64, v, __ATOMIC_SEQ_CST);
    r += __atomic_exchange_n(&shared64, v, __ATOMIC_ACQ_REL);
    long expected = r;
    __atomic_compare_exchange_n(&shared64, &expected, v, 0, __ATOMIC_SEQ_CST, __ATOMIC_RELAXED);
    return r + expected + __atomic_load_n(&shared64, __ATOMIC_SEQ_CST);
}

static int atomics32(int v)
{
    int r = __atomic_fetch_add(&shared32, v, __ATOMIC_SEQ_CST);
    r += __atomic_fetch_sub(&shared32, 1, __ATOMIC_ACQUIRE);
    int expected = r;
    __atomic_compare_exchange_n(&shared32, &expected, v, 1, __ATOMIC_ACQUIRE, __ATOMIC_ACQUIRE);
    __atomic_store_n(&shared32, r, __ATOMIC_RELEASE);
    return r + expected;
}

static long minmax(long *p, long v)
{
    long a, b, c, d;
    __asm__ volatile("amomin.d.aq %0, %4, (%5)\n\tamomax.d.rl %1, %4, (%5)\n\t"
                     "amominu.d.aqrl %2, %4, (%5)\n\tamomaxu.d %3, %4, (%5)"
                     : "=&r"(a), "=&r"(b), "=&r"(c), "=&r"(d) : "r"(v), "r"(p) : "memory");
    int *q = (int *)p;
    int e, f, g, h;
    __asm__ volatile("amomin.w %0, %4, (%5)\n\tamomax.w.aq %1, %4, (%5)\n\t"
                     "amominu.w.rl %2, %4, (%5)\n\tamomaxu.w.aqrl %3, %4, (%5)"
                     : "=&r"(e), "=&r"(f), "=&r"(g), "=&r"(h) : "r"((int)v), "r"(q) : "memory");
    return a + b + c + d + e + f + g + h;
}

/* In counters.S: C files are assembled for GCC's -march, which lacks Zicsr and Zifencei. */
unsigned long read_counters(void);

int main(void)
{
    long r = atomics64(5) + atomics32(6) + minmax(&shared64, 9);
    r += (long)(read_counters() & 1);
    bare_write(1, "atomics done\n", 13);
    return (int)(r & 0x1f);
}
