/* The machine `faultline bench` debugs over DAP: 100 threads and 10,000 endpoints, made by the
   root task in a CNode of its own; then ROUNDS rounds of a loop that calls tick (a conditional
   breakpoint's place) TICKS times, each ended by round_done; and finally a loop to step through. */
#include <sel4/sel4.h>
#include <stdio.h>

#define THREADS 100
#define ENDPOINTS 10000
#define CNODE_BITS 14
#define ROUNDS 7
#define TICKS 1000000

volatile unsigned long counter;

/* Where the benchmark stops once every object exists. */
__attribute__((noinline)) void ready(void)
{
    __asm__ volatile("" ::: "memory");
}

/* Called TICKS times: a breakpoint here with a false condition is evaluated at every call. */
__attribute__((noinline)) void tick(unsigned long i)
{
    counter = i;
}

/* Where the benchmark times each round of ticks. */
__attribute__((noinline)) void round_done(void)
{
    __asm__ volatile("" ::: "memory");
}

/* Each statement of the loop is a line to step over. */
__attribute__((noinline)) void spin(void)
{
    for (;;) {
        counter++;
        counter ^= 1;
    }
}

int main(void)
{
    seL4_BootInfo *info = seL4_GetBootInfo();
    seL4_CPtr untyped = 0;
    int bits = 0;
    for (seL4_CPtr slot = info->untyped.start; slot < info->untyped.end; slot++) {
        seL4_UntypedDesc *desc = &info->untypedList[slot - info->untyped.start];
        if (!desc->isDevice && desc->sizeBits > bits) {
            untyped = slot;
            bits = desc->sizeBits;
        }
    }
    seL4_CPtr cnode = info->empty.start;
    if (seL4_Untyped_Retype(untyped, seL4_CapTableObject, CNODE_BITS, seL4_CapInitThreadCNode, 0, 0, cnode, 1)
            || seL4_Untyped_Retype(untyped, seL4_TCBObject, 0, cnode, 0, 0, 0, THREADS)) {
        printf("dap-machine: retyping the CNode or the threads failed\n");
        return 1;
    }
    for (int done = 0; done < ENDPOINTS; done += 256) {
        int count = ENDPOINTS - done < 256 ? ENDPOINTS - done : 256;
        if (seL4_Untyped_Retype(untyped, seL4_EndpointObject, 0, cnode, 0, 0, THREADS + done, count)) {
            printf("dap-machine: retyping endpoints failed at %d\n", done);
            return 1;
        }
    }
    ready();
    for (int round = 0; round < ROUNDS; round++) {
        for (unsigned long i = 0; i < TICKS; i++) {
            tick(i);
        }
        round_done();
    }
    spin();
    return 0;
}
