/*
 * What the root-task examples share: starting a thread in the root task's own CSpace and VSpace
 * with a fault endpoint, and minting that endpoint. Include it as "../common/start_thread.h".
 *
 * A thread started here has no IPC buffer: it makes system calls whose words all travel in
 * registers (DebugPutChar, the four-word ...WithMRs calls), and faults, whose messages the
 * kernel builds from its registers.
 */
#pragma once

#include <sel4/sel4.h>
#include <sel4platsupport/bootinfo.h>
#include <sel4tutorials/alloc.h>
#include <sel4utils/helpers.h>
#include <utils/util.h>

/* A copy of endpoint in a new slot of the root CNode, with a badge and all rights (a fault
   endpoint needs Write and Grant or GrantReply). */
static inline seL4_CPtr mint_badged(seL4_BootInfo *info, seL4_CPtr endpoint, seL4_Word badge)
{
    seL4_CPtr slot = alloc_slot(info);
    seL4_Error error = seL4_CNode_Mint(seL4_CapInitThreadCNode, slot, seL4_WordBits, seL4_CapInitThreadCNode, endpoint,
                                       seL4_WordBits, seL4_AllRights, badge);
    ZF_LOGF_IF(error, "Failed to mint a badged endpoint");
    return slot;
}

/*
 * A new thread named name, at priority, whose faults go to the endpoint at fault_ep (a CPtr of
 * the root CNode, seL4_CapNull for none), in the root task's CSpace and VSpace. It does not run
 * until its registers are written with resume_target set; answers its TCB.
 */
static inline seL4_CPtr new_thread(seL4_BootInfo *info, const char *name, seL4_Word priority, seL4_CPtr fault_ep)
{
    seL4_CPtr tcb = alloc_object(info, seL4_TCBObject, 0);
    seL4_Error error = seL4_TCB_Configure(tcb, fault_ep, seL4_CapInitThreadCNode, 0, seL4_CapInitThreadVSpace, 0, 0,
                                          seL4_CapNull);
    ZF_LOGF_IF(error, "Failed to configure thread %s", name);
    error = seL4_TCB_SetPriority(tcb, seL4_CapInitThreadTCB, priority);
    ZF_LOGF_IF(error, "Failed to set the priority of thread %s", name);
    seL4_DebugNameThread(tcb, name);
    return tcb;
}

/* Writes a new thread's registers and lets it run. */
static inline void resume_with(seL4_CPtr tcb, seL4_UserContext *regs)
{
    seL4_Error error = seL4_TCB_WriteRegisters(tcb, 1, 0, sizeof(*regs) / sizeof(seL4_Word), regs);
    ZF_LOGF_IF(error, "Failed to start a thread");
}

/* A new thread (as new_thread makes it) running entry(arg) on the stack that ends at stack_top. */
static inline seL4_CPtr start_thread(seL4_BootInfo *info, const char *name, seL4_Word priority, seL4_CPtr fault_ep,
                                     sel4utils_thread_entry_fn entry, void *arg, void *stack_top)
{
    seL4_CPtr tcb = new_thread(info, name, priority, fault_ep);
    seL4_UserContext regs = {0};
    sel4utils_arch_init_local_context(entry, arg, NULL, NULL, stack_top, &regs);
    resume_with(tcb, &regs);
    return tcb;
}
