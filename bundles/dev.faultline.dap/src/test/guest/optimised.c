/*
 * A root task for the Locals scope of optimised code (built at -O2): parameters and variables
 * that live in registers and move between them (location lists), code inlined into a loop, and
 * a caller whose values survive a call only in the registers a call preserves, and a parameter
 * known after a call only as its value on entry (recovered from the caller's call site).
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

/* count is dead once printf has it: after the call, only its value on entry describes it. */
__attribute__((noinline)) void announce(long count)
{
    printf("announcing %ld\n", count);
    sink = 1;
}

/* A one-word struct passed and kept in a register, as seL4's message info always is. */
__attribute__((noinline)) long label_of(seL4_MessageInfo_t info)
{
    sink = 2;
    return (long) seL4_MessageInfo_get_label(info);
}

int main(void)
{
    long kept = accumulate(5, 3);
    long reported = report(kept);
    announce(kept + 1);
    sink = label_of(seL4_MessageInfo_new(7, 0, 0, 2));
    return (int) (reported - kept);
}
