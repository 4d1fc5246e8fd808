/*
 * How every invocation stub talks to the kernel (reference §4.2): a Call on the invoked cap with
 * the tag (invocation label, 0, number of extra caps, number of MR words). The stub first puts
 * its cap arguments in caps_or_badges with seL4_SetCap and its MR4.. words in the IPC buffer;
 * MR0..MR3 travel in a2..a5 through mr[]. The reply's label is the stub's seL4_Error, and on an
 * error the reply's MR0..MR3 are stored in msg[0..3] so that seL4_GetMR reads them (§1.6).
 */
#pragma once

#include <sel4/errors.h>
#include <sel4/invocation.h>
#include <sel4/ipc_buffer.h>
#include <sel4/syscalls.h>

LIBSEL4_INLINE_FUNC seL4_Error sel4sdk_invoke(seL4_CPtr service, seL4_Word label, seL4_Word caps, seL4_Word length,
                                              seL4_Word mr[4])
{
    seL4_MessageInfo_t tag = seL4_MessageInfo_new(label, 0, caps, length);
    seL4_MessageInfo_t reply = seL4_CallWithMRs(service, tag, &mr[0], &mr[1], &mr[2], &mr[3]);
    seL4_Error error = (seL4_Error) seL4_MessageInfo_get_label(reply);
    if (error != seL4_NoError) {
        seL4_SetMR(0, mr[0]);
        seL4_SetMR(1, mr[1]);
        seL4_SetMR(2, mr[2]);
        seL4_SetMR(3, mr[3]);
    }
    return error;
}

/* A Bool or Uint8 argument packed as the stubs pack it: masked to its own width. */
#define SEL4_SDK_BOOL(x) ((seL4_Word) (x) & 0x1UL)
#define SEL4_SDK_UINT8(x) ((seL4_Word) (x) & 0xffUL)
