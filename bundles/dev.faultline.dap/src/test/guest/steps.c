/* A root task for stepping and breakpoint tests: calls two levels deep, a loop, and a fault at the end. */
#include <stdio.h>
#include <sel4/sel4.h>

volatile long counter;

static long square(long x)
{
    long result = x * x;
    return result;
}

static long sum_of_squares(long n)
{
    long total = 0;
    for (long i = 1; i <= n; i++) {
        total += square(i);
        counter = i;
    }
    return total;
}

int main(void)
{
    long total = sum_of_squares(4);
    printf("sum of squares: %ld\n", total);
    volatile long *nowhere = (volatile long *) 0x10;
    return (int) *nowhere;
}
