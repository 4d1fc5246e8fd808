/*
 * timer, the worker: at a lower priority than the driver, it computes 1 + 2 + ... + N in a loop
 * of three instructions an iteration, written in assembly so that its length is exactly 3N + 1
 * instructions whatever the compiler does. Each timer tick preempts it for the driver; it does
 * not notice. Then it signals the driver that it is done.
 */
#include <stdio.h>
#include <sel4/sel4.h>

#define N 33600

/* Slots of this program's CNode, bound by the system description. */
seL4_CPtr done; /* the driver's notification, badge DONE */

static seL4_Word sum_to(seL4_Word n)
{
    seL4_Word sum = 0;
    __asm__ volatile("1:\n"
                     "    add %0, %0, %1\n"
                     "    addi %1, %1, -1\n"
                     "    bnez %1, 1b\n"
                     : "+r"(sum), "+r"(n));
    return sum;
}

int main(void)
{
    printf("Worker: computing 1 + ... + %d\n", N);
    seL4_Word sum = sum_to(N);
    printf("Worker: the sum is %lu\n", (unsigned long) sum);
    seL4_Signal(done);
    return 0;
}
