/*
 * A root task whose second thread goes: it starts a worker of its own priority, lets it run
 * until it suspends itself, then deletes the only cap to the worker's TCB, which destroys it.
 */
#include <stdio.h>
#include <sel4/sel4.h>
#include <sel4platsupport/bootinfo.h>
#include <sel4tutorials/alloc.h>
#include <sel4utils/helpers.h>
#include <utils/util.h>

static seL4_CPtr worker;
static char worker_stack[4096] ALIGN(16);

/* The worker has no IPC buffer: it prints and suspends itself with register-only calls. */
static void work(void *arg1, void *arg2, void *arg3)
{
    (void) arg1;
    (void) arg2;
    (void) arg3;
    printf("worker: running\n");
    seL4_TCB_Suspend(worker);
}

int main(void)
{
    seL4_BootInfo *info = platsupport_get_bootinfo();
    worker = alloc_object(info, seL4_TCBObject, 0);
    seL4_Error error = seL4_TCB_Configure(worker, seL4_CapNull, seL4_CapInitThreadCNode, 0, seL4_CapInitThreadVSpace,
                                          0, 0, seL4_CapNull);
    ZF_LOGF_IF(error, "Failed to configure the worker");
    error = seL4_TCB_SetPriority(worker, seL4_CapInitThreadTCB, seL4_MaxPrio);
    ZF_LOGF_IF(error, "Failed to set the worker's priority");
    seL4_DebugNameThread(worker, "worker");

    seL4_UserContext regs = {0};
    sel4utils_arch_init_local_context(work, NULL, NULL, NULL, worker_stack + sizeof(worker_stack), &regs);
    error = seL4_TCB_WriteRegisters(worker, 1, 0, sizeof(regs) / sizeof(seL4_Word), &regs);
    ZF_LOGF_IF(error, "Failed to start the worker");

    /* Same priority: yielding lets the worker run until it suspends itself. */
    seL4_Yield();
    printf("main: the worker suspended itself\n");

    error = seL4_CNode_Delete(seL4_CapInitThreadCNode, worker, seL4_WordBits);
    ZF_LOGF_IF(error, "Failed to delete the worker");
    printf("main: the worker is gone\n"); /* after the delete */
    return 0;
}
