/*
 * IRQControl and IRQHandler invocations (reference §4.3). IRQControl_Get uses the generic label
 * IRQIssueIRQHandler; GetTrigger is RISC-V's RISCVIRQIssueIRQHandlerTrigger (trigger 1 = edge).
 */
#pragma once

#include <sel4/invocations/invoke.h>

LIBSEL4_INLINE_FUNC seL4_Error seL4_IRQControl_Get(seL4_IRQControl _service, seL4_Word irq, seL4_CNode root,
                                                   seL4_Word index, seL4_Uint8 depth)
{
    seL4_Word mr[4] = {irq, index, SEL4_SDK_UINT8(depth), 0};
    seL4_SetCap(0, root);
    return sel4sdk_invoke(_service, IRQIssueIRQHandler, 1, 3, mr);
}

LIBSEL4_INLINE_FUNC seL4_Error seL4_IRQControl_GetTrigger(seL4_IRQControl _service, seL4_Word irq, seL4_Word trigger,
                                                          seL4_CNode root, seL4_Word index, seL4_Uint8 depth)
{
    seL4_Word mr[4] = {irq, trigger, index, SEL4_SDK_UINT8(depth)};
    seL4_SetCap(0, root);
    return sel4sdk_invoke(_service, RISCVIRQIssueIRQHandlerTrigger, 1, 4, mr);
}

LIBSEL4_INLINE_FUNC seL4_Error seL4_IRQHandler_Ack(seL4_IRQHandler _service)
{
    seL4_Word mr[4] = {0, 0, 0, 0};
    return sel4sdk_invoke(_service, IRQAckIRQ, 0, 0, mr);
}

LIBSEL4_INLINE_FUNC seL4_Error seL4_IRQHandler_SetNotification(seL4_IRQHandler _service, seL4_CPtr notification)
{
    seL4_Word mr[4] = {0, 0, 0, 0};
    seL4_SetCap(0, notification);
    return sel4sdk_invoke(_service, IRQSetIRQHandler, 1, 0, mr);
}

LIBSEL4_INLINE_FUNC seL4_Error seL4_IRQHandler_Clear(seL4_IRQHandler _service)
{
    seL4_Word mr[4] = {0, 0, 0, 0};
    return sel4sdk_invoke(_service, IRQClearIRQHandler, 0, 0, mr);
}
