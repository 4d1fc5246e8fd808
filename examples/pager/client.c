/*
 * pager, the client: it has nothing mapped but its image and IPC buffer. It writes to two pages
 * of its heap window and to its buffer window, each write a VM fault that the pager answers by
 * mapping a frame there; the write then runs again and succeeds. Then it reads an address no
 * window covers.
 */
#include <stdio.h>
#include <sel4/sel4.h>

#define HEAP 0x40000000UL
#define BUFFER 0x40200000UL
#define OUTSIDE 0x50000000UL
#define PAGE_WORDS (4096 / sizeof(seL4_Word))

/* Slots of this program's CNode, bound by the system description. */
seL4_CPtr pager_ep; /* its fault handler: the pager's endpoint, badge 1 */

int main(void)
{
    volatile seL4_Word *heap = (volatile seL4_Word *) HEAP;
    volatile seL4_Word *buffer = (volatile seL4_Word *) BUFFER;

    printf("Client: writing to the heap and buffer windows\n");
    heap[0] = 11;
    heap[PAGE_WORDS] = 22;
    buffer[7] = 33;
    heap[1] = 44; /* on a page already mapped: no fault */
    printf("Client: read back %lu %lu %lu %lu\n", (unsigned long) heap[0], (unsigned long) heap[PAGE_WORDS],
           (unsigned long) buffer[7], (unsigned long) heap[1]);

    printf("Client: reading 0x%lx, outside every window\n", OUTSIDE);
    seL4_Word value = *(volatile seL4_Word *) OUTSIDE;
    printf("Client: read %lu where nothing is mapped!\n", (unsigned long) value);
    return 0;
}
