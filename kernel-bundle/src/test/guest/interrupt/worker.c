/* A lower-priority worker: counts in shared memory for as long as it is allowed to run. */
#include <sel4/sel4.h>

volatile unsigned long *progress = (volatile unsigned long *) 0x40000000;

int main(void)
{
    for (;;) {
        *progress += 1;
    }
}
