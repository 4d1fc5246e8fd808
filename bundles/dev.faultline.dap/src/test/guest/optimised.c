/*
 * A root task for the Locals scope of optimised code (built at -O2): parameters and variables
 * that live in registers and move between them (location lists), code inlined into a loop, and
 * a caller whose values survive a call only in the registers a call preserves.
 */
#include <stdio.h>
#include <sel4/sel4.h>

volatile long sink;

static inline long scale(long value, long factor)
{
    long scaled = value * factor;
    sink = scaled;
    return scaled;
}

__attribute__((noinline)) long accumulate(long n, long step)
{
    long total = 0;
    for (long i = 0; i < n; i++) {
        total += scale(i, step);
    }
    return total;
}

__attribute__((noinline)) long report(long result)
{
    printf("accumulated: %ld\n", result);
    return result;
}

int main(void)
{
    long kept = accumulate(5, 3);
    long reported = report(kept);
    return (int) (reported - kept);
}
