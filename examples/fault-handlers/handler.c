/*
 * fault-handlers, the handler: it holds the faulter's TCB, VSpace and CNode. When the faulter
 * names a slot of its CNode, the handler mints a badged copy of its fault endpoint, copies it
 * into that slot and makes that slot the faulter's fault handler with TCB_SetSpace (the CPtr is
 * resolved in the faulter's CSpace, at fault time). Then it waits on the fault endpoint: the
 * cap fault arrives as a message labelled seL4_Fault_CapFault, with the badge, and the handler
 * puts a cap into the slot that was missing and replies. The second cap fault it answers with
 * TCB_Resume, the other way to restart a faulted thread.
 */
#include <stdio.h>
#include <sel4/sel4.h>
#include <utils/util.h>

#define FAULT_BADGE 0xbeef

/* Slots of this program's CNode, bound by the system description. */
seL4_CPtr sequencing_ep;    /* the endpoint shared with the faulter (no grant) */
seL4_CPtr faulter_fault_ep; /* the fault endpoint, unbadged */
seL4_CPtr handler_cnode;    /* this program's own CNode */
seL4_CPtr badged_fault_ep;  /* empty: the badged copy is minted here */
seL4_CPtr faulter_tcb;
seL4_CPtr faulter_vspace;
seL4_CPtr faulter_cnode;

static void give_fault_endpoint(seL4_Word slot)
{
    seL4_Error error = seL4_CNode_Mint(handler_cnode, badged_fault_ep, seL4_WordBits, handler_cnode, faulter_fault_ep,
                                       seL4_WordBits, seL4_AllRights, FAULT_BADGE);
    ZF_LOGF_IF(error, "Failed to mint the badged fault endpoint");
    error = seL4_CNode_Copy(faulter_cnode, slot, seL4_WordBits, handler_cnode, badged_fault_ep, seL4_WordBits,
                            seL4_AllRights);
    ZF_LOGF_IF(error, "Failed to copy the fault endpoint into the faulter's CSpace");
    /* Non-MCS: the fault endpoint is a CPtr the kernel looks up in the faulter's own CSpace. */
    error = seL4_TCB_SetSpace(faulter_tcb, slot, faulter_cnode, 0, faulter_vspace, 0);
    ZF_LOGF_IF(error, "Failed to set the faulter's fault endpoint");
    printf("Handler: the faulter's slot %lu holds its fault endpoint, badge 0x%x\n", (unsigned long) slot, FAULT_BADGE);
}

/* Waits for the faulter's cap fault and puts a cap into the slot it missed; answers the slot. */
static seL4_Word handle_cap_fault(void)
{
    seL4_Word badge;
    seL4_MessageInfo_t info = seL4_Recv(faulter_fault_ep, &badge);
    ZF_LOGF_IF(seL4_MessageInfo_get_label(info) != seL4_Fault_CapFault, "Expected a cap fault");
    seL4_Word slot = seL4_GetMR(seL4_CapFault_Addr);
    printf("Handler: cap fault from badge 0x%lx at slot %lu of the faulter's CSpace\n", (unsigned long) badge,
           (unsigned long) slot);
    printf("Handler: in receive phase %lu, lookup failure type %lu, bits left %lu\n",
           (unsigned long) seL4_GetMR(seL4_CapFault_InRecvPhase),
           (unsigned long) seL4_GetMR(seL4_CapFault_LookupFailureType),
           (unsigned long) seL4_GetMR(seL4_CapFault_BitsLeft));
    seL4_Error error = seL4_CNode_Copy(faulter_cnode, slot, seL4_WordBits, handler_cnode, sequencing_ep, seL4_WordBits,
                                       seL4_AllRights);
    ZF_LOGF_IF(error, "Failed to fill the faulter's empty slot");
    return slot;
}

int main(void)
{
    seL4_Word badge;
    printf("Handler: waiting for the faulter\n");
    seL4_Recv(sequencing_ep, &badge);
    give_fault_endpoint(seL4_GetMR(0));
    seL4_Reply(seL4_MessageInfo_new(0, 0, 0, 0));

    seL4_Word slot = handle_cap_fault();
    printf("Handler: filled slot %lu, replying to the faulter\n", (unsigned long) slot);
    seL4_Reply(seL4_MessageInfo_new(0, 0, 0, 0));

    /* A faulted thread can also be recovered without the reply: Resume restarts it at FaultIP,
       as a cap fault's reply does, and drops the reply cap this thread holds for it. */
    slot = handle_cap_fault();
    seL4_Error error = seL4_TCB_Resume(faulter_tcb);
    ZF_LOGF_IF(error, "Failed to resume the faulter");
    printf("Handler: filled slot %lu, resumed the faulter with TCB_Resume\n", (unsigned long) slot);
    return 0;
}
