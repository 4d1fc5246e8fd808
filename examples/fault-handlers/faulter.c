/*
 * fault-handlers, the faulter: tells the handler which of its slots is to hold its fault
 * endpoint, then receives on a slot that is empty. That lookup fails, a cap fault in the
 * receive phase, and the kernel sends it to the handler as if the faulter had called it. The
 * handler fills the slot and replies; a cap fault always restarts, so the faulter executes the
 * same NBRecv again, which now finds an endpoint with nobody sending and returns at once. The
 * second fault, on another empty slot, ends the same way, by another route.
 */
#include <stdio.h>
#include <sel4/sel4.h>

/* Slots of this program's CNode, bound by the system description. */
seL4_CPtr sequencing_ep; /* the endpoint shared with the handler */
seL4_CPtr fault_ep_slot; /* empty: the handler puts the badged fault endpoint here */
seL4_CPtr empty_slot;    /* empty: receiving on it is the fault */
seL4_CPtr other_empty_slot; /* empty too: the second fault */

int main(void)
{
    printf("Faulter: my fault endpoint is to be slot %lu\n", (unsigned long) fault_ep_slot);
    seL4_SetMR(0, fault_ep_slot);
    seL4_Call(sequencing_ep, seL4_MessageInfo_new(0, 0, 0, 1));

    printf("Faulter: receiving on empty slot %lu\n", (unsigned long) empty_slot);
    seL4_NBRecv(empty_slot, NULL);

    printf("Faulter: executed past the fault\n");

    printf("Faulter: receiving on empty slot %lu\n", (unsigned long) other_empty_slot);
    seL4_NBRecv(other_empty_slot, NULL);
    printf("Faulter: executed past the second fault\n");
    return 0;
}
