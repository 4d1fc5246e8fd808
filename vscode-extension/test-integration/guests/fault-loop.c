/*
 * A machine that never ends, for attaching to: a thread that hits an ebreak every few million
 * instructions, forever, each fault answered by the root task (its handler) with a reply that
 * steps past the ebreak; and two clients that Call an endpoint nobody receives on, queued on it
 * for good. Whenever a client attaches, the next fault is moments away and the queues are full.
 */
#include "../../../examples/common/start_thread.h"

#define FAULT_BADGE 0x42
#define CLIENTS 2
#define SPIN 1000000

static char stacks[CLIENTS + 1][4096] __attribute__((aligned(16)));
static seL4_CPtr requests[CLIENTS];
static const char *const client_names[CLIENTS] = {"client-0", "client-1"};
static volatile unsigned long spins;

static void client(void *arg0, void *arg1, void *arg2)
{
    (void) arg1;
    (void) arg2;
    seL4_Word index = (seL4_Word) arg0;
    seL4_Word mr0 = 100 + index;
    /* Nobody receives on this endpoint: the client stays in its send queue. */
    seL4_CallWithMRs(requests[index], seL4_MessageInfo_new(0x20 + index, 0, 0, 1), &mr0, NULL, NULL, NULL);
}

static void faulter(void *arg0, void *arg1, void *arg2)
{
    (void) arg0;
    (void) arg1;
    (void) arg2;
    for (;;) {
        for (unsigned long i = 0; i < SPIN; i++) {
            spins++;
        }
        /* The 4-byte ebreak, not c.ebreak: the handler resumes four bytes on. */
        __asm__ volatile(".option push\n.option norvc\nebreak\n.option pop");
    }
}

int main(void)
{
    seL4_BootInfo *info = platsupport_get_bootinfo();
    seL4_CPtr faults = alloc_object(info, seL4_EndpointObject, 0);
    seL4_CPtr fault_ep = mint_badged(info, faults, FAULT_BADGE);
    seL4_CPtr request_ep = alloc_object(info, seL4_EndpointObject, 0);
    for (seL4_Word i = 0; i < CLIENTS; i++) {
        requests[i] = mint_badged(info, request_ep, 0x10 + i);
        start_thread(info, client_names[i], 200, seL4_CapNull, client, (void *) i, stacks[i] + 4096);
    }
    start_thread(info, "faulter", 100, fault_ep, faulter, NULL, stacks[CLIENTS] + 4096);
    for (;;) {
        seL4_Word badge;
        seL4_MessageInfo_t fault = seL4_Recv(faults, &badge);
        ZF_LOGF_IF(badge != FAULT_BADGE || seL4_MessageInfo_get_label(fault) != seL4_Fault_UserException,
                   "Expected the faulter's user exception");
        /* MR0 (FaultIP) four bytes on: past the ebreak. */
        seL4_SetMR(0, seL4_GetMR(seL4_UserException_FaultIP) + 4);
        seL4_Reply(seL4_MessageInfo_new(0, 0, 0, 1));
    }
}
