/* The DomainSet invocation (reference §4.3): Set, the domain a Uint8 in MR0, the TCB as extra cap 0. */
#pragma once

#include <sel4/invocations/invoke.h>

LIBSEL4_INLINE_FUNC seL4_Error seL4_DomainSet_Set(seL4_DomainSet _service, seL4_Uint8 domain, seL4_TCB thread)
{
    seL4_Word mr[4] = {SEL4_SDK_UINT8(domain), 0, 0, 0};
    seL4_SetCap(0, thread);
    return sel4sdk_invoke(_service, DomainSetSet, 1, 1, mr);
}
