/*
 * Three threads call one endpoint, each through its own badged cap, before the root task receives:
 * at all_queued the endpoint's send queue holds them in the order they called (the last started
 * first: seL4 puts a resumed thread at the head of its priority's ready queue).
 */
#include "../../../../../examples/common/start_thread.h"

#include <stdio.h>

#define SENDERS 3

static char stacks[SENDERS][4096] __attribute__((aligned(16)));
static seL4_CPtr badged[SENDERS];
static const char *const names[SENDERS] = {"sender-0", "sender-1", "sender-2"};

static void sender(void *arg0, void *arg1, void *arg2)
{
    (void) arg1;
    (void) arg2;
    seL4_Word index = (seL4_Word) arg0;
    seL4_Word mr0 = 100 + index;
    seL4_CallWithMRs(badged[index], seL4_MessageInfo_new(7 + index, 0, 0, 1), &mr0, NULL, NULL, NULL);
    /* Nothing will ever send here: the thread waits for good. */
    seL4_Wait(badged[index], NULL);
}

/* The debugger's stopping point, once every sender waits in the queue. */
__attribute__((noinline)) void all_queued(void)
{
    __asm__ volatile("" ::: "memory");
}

int main(void)
{
    seL4_BootInfo *info = platsupport_get_bootinfo();
    seL4_CPtr endpoint = alloc_object(info, seL4_EndpointObject, 0);
    for (seL4_Word i = 0; i < SENDERS; i++) {
        badged[i] = mint_badged(info, endpoint, 0x10 + i);
        /* The root task's own priority, so that its Yield lets each sender run and block in turn. */
        start_thread(info, names[i], seL4_MaxPrio, seL4_CapNull, sender, (void *) i, stacks[i] + 4096);
    }
    seL4_Yield();
    all_queued();
    for (int i = 0; i < SENDERS; i++) {
        seL4_Word badge;
        seL4_MessageInfo_t info_in = seL4_Recv(endpoint, &badge);
        printf("got %lu from badge 0x%lx (label %lu)\n", (unsigned long) seL4_GetMR(0), (unsigned long) badge,
               (unsigned long) seL4_MessageInfo_get_label(info_in));
        seL4_Reply(seL4_MessageInfo_new(0, 0, 0, 0));
    }
    return 0;
}
