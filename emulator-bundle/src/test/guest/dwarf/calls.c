/* A guest for the DWARF reader: a call chain main -> walk -> spiral -> descend (recursive),
   an inline function, a static function, a loop, and a function from a second file. */
#include "bare.h"
#include "helper.h"

static inline int twice(int x)
{
    return x + x;
}

static int __attribute__((noinline)) square(int x)
{
    return x * x;
}

/* Recursive and not a tail call, so optimisation keeps a frame per level. */
int __attribute__((noinline)) descend(int depth, volatile int *trail)
{
    trail[depth] = depth;
    if (depth == 0) {
        return helper_mix(trail[0], 7);
    }
    int below = descend(depth - 1, trail);
    return below + trail[depth];
}

int __attribute__((noinline)) spiral(int n)
{
    volatile int trail[8];
    int total = descend(n, trail);
    return total + twice(n);
}

int __attribute__((noinline)) walk(int steps)
{
    int sum = 0;
    for (int i = 0; i < steps; i++) {
        sum += square(i);
    }
    return sum + spiral(3);
}

int main(void)
{
    int result = walk(4);
    bare_puts(result == 57 ? "ok\n" : "bad\n");
    return result == 57 ? 0 : 1;
}
