/* A root task built at -O0 whose helper is inlined all the same, inside a loop's block: the
   inlined copy's variables live in the frame of the function it is inlined into. */
#include <stdio.h>
#include <sel4/sel4.h>

static inline __attribute__((always_inline)) long twice(long value)
{
    long doubled = value * 2;
    return doubled;
}

int main(void)
{
    long sum = 0;
    for (long i = 1; i <= 3; i++) {
        long twin = twice(i);
        sum += twin;
    }
    printf("sum: %ld\n", sum);
    return 0;
}
