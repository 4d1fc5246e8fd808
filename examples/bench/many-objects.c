/* A root task that makes 10,000 threads and 100,000 endpoints from its untyped memory, in a
   CNode of 2^17 slots it makes first: the system whose footprint the benchmark measures. */
#include <sel4/sel4.h>
#include <stdio.h>

#define THREADS 10000
#define ENDPOINTS 100000
#define CNODE_BITS 17

/* The largest untyped the root task was given. */
static seL4_CPtr largest_untyped(seL4_BootInfo *info)
{
    seL4_CPtr best = 0;
    int best_bits = 0;
    for (seL4_CPtr slot = info->untyped.start; slot < info->untyped.end; slot++) {
        seL4_UntypedDesc *desc = &info->untypedList[slot - info->untyped.start];
        if (!desc->isDevice && desc->sizeBits > best_bits) {
            best = slot;
            best_bits = desc->sizeBits;
        }
    }
    return best;
}

int main(void)
{
    seL4_BootInfo *info = seL4_GetBootInfo();
    seL4_CPtr untyped = largest_untyped(info);
    seL4_CPtr cnode = info->empty.start;
    seL4_Error error = seL4_Untyped_Retype(untyped, seL4_CapTableObject, CNODE_BITS, seL4_CapInitThreadCNode, 0, 0,
                                           cnode, 1);
    if (error != seL4_NoError) {
        printf("retyping the CNode failed: %d\n", error);
        return 1;
    }
    /* The new CNode is the destination: depth 0 names the root cap itself, as the node. */
    for (int done = 0; done < THREADS; done += 256) {
        int count = THREADS - done < 256 ? THREADS - done : 256;
        error = seL4_Untyped_Retype(untyped, seL4_TCBObject, 0, cnode, 0, 0, done, count);
        if (error != seL4_NoError) {
            printf("retyping threads failed at %d: %d\n", done, error);
            return 1;
        }
    }
    for (int done = 0; done < ENDPOINTS; done += 256) {
        int count = ENDPOINTS - done < 256 ? ENDPOINTS - done : 256;
        error = seL4_Untyped_Retype(untyped, seL4_EndpointObject, 0, cnode, 0, 0, THREADS + done, count);
        if (error != seL4_NoError) {
            printf("retyping endpoints failed at %d: %d\n", done, error);
            return 1;
        }
    }
    printf("made %d threads and %d endpoints\n", THREADS, ENDPOINTS);
    return 0;
}
