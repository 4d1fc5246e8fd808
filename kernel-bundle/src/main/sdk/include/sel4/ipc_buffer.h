/*
 * The IPC buffer (reference §1.5): 128 words, 1024 bytes, 1 KiB aligned, and the accessors
 * libsel4 offers on the calling thread's buffer: message registers, user data, extra caps and
 * badges, and the receive path. The buffer's address lives in __sel4_ipc_buffer, a plain global
 * (no thread locals): crt0.S sets it from the boot info for a root task; a loader writes it
 * before a program started from a system description runs.
 */
#pragma once

#include <sel4/constants.h>
#include <sel4/macros.h>
#include <sel4/message_info.h>
#include <sel4/types.h>

typedef struct __attribute__((aligned(1 << seL4_IPCBufferSizeBits))) seL4_IPCBuffer_ {
    seL4_MessageInfo_t tag;                          /* word 0, unused by the kernel */
    seL4_Word msg[seL4_MsgMaxLength];                /* words 1..120: MR i is word i + 1 */
    seL4_Word userData;                              /* word 121 */
    seL4_Word caps_or_badges[seL4_MsgMaxExtraCaps];  /* words 122..124 */
    seL4_CPtr receiveCNode;                          /* word 125 */
    seL4_CPtr receiveIndex;                          /* word 126 */
    seL4_Word receiveDepth;                          /* word 127 */
} seL4_IPCBuffer;

#ifdef __cplusplus
extern "C" {
#endif
extern seL4_IPCBuffer *__sel4_ipc_buffer;
#ifdef __cplusplus
}
#endif

LIBSEL4_INLINE_FUNC seL4_IPCBuffer *seL4_GetIPCBuffer(void)
{
    return __sel4_ipc_buffer;
}

LIBSEL4_INLINE_FUNC void seL4_SetIPCBuffer(seL4_IPCBuffer *ipc_buffer)
{
    __sel4_ipc_buffer = ipc_buffer;
}

LIBSEL4_INLINE_FUNC seL4_Word seL4_GetMR(int i)
{
    return seL4_GetIPCBuffer()->msg[i];
}

LIBSEL4_INLINE_FUNC void seL4_SetMR(int i, seL4_Word mr)
{
    seL4_GetIPCBuffer()->msg[i] = mr;
}

LIBSEL4_INLINE_FUNC seL4_Word seL4_GetUserData(void)
{
    return seL4_GetIPCBuffer()->userData;
}

LIBSEL4_INLINE_FUNC void seL4_SetUserData(seL4_Word data)
{
    seL4_GetIPCBuffer()->userData = data;
}

/* The badge of the i-th cap the kernel unwrapped on receive. */
LIBSEL4_INLINE_FUNC seL4_Word seL4_GetBadge(int i)
{
    return seL4_GetIPCBuffer()->caps_or_badges[i];
}

LIBSEL4_INLINE_FUNC seL4_CPtr seL4_GetCap(int i)
{
    return (seL4_CPtr) seL4_GetIPCBuffer()->caps_or_badges[i];
}

/* Names the i-th extra cap of the next message sent. */
LIBSEL4_INLINE_FUNC void seL4_SetCap(int i, seL4_CPtr cptr)
{
    seL4_GetIPCBuffer()->caps_or_badges[i] = cptr;
}

/* Reads the slot a received cap will go to; a null pointer skips that part. */
LIBSEL4_INLINE_FUNC void seL4_GetCapReceivePath(seL4_CPtr *receiveCNode, seL4_CPtr *receiveIndex,
                                                seL4_Word *receiveDepth)
{
    seL4_IPCBuffer *buffer = seL4_GetIPCBuffer();
    if (receiveCNode != seL4_Null) {
        *receiveCNode = buffer->receiveCNode;
    }
    if (receiveIndex != seL4_Null) {
        *receiveIndex = buffer->receiveIndex;
    }
    if (receiveDepth != seL4_Null) {
        *receiveDepth = buffer->receiveDepth;
    }
}

/* Sets the slot a received cap goes to: receiveIndex at receiveDepth bits under receiveCNode. */
LIBSEL4_INLINE_FUNC void seL4_SetCapReceivePath(seL4_CPtr receiveCNode, seL4_CPtr receiveIndex,
                                                seL4_Word receiveDepth)
{
    seL4_IPCBuffer *buffer = seL4_GetIPCBuffer();
    buffer->receiveCNode = receiveCNode;
    buffer->receiveIndex = receiveIndex;
    buffer->receiveDepth = receiveDepth;
}
