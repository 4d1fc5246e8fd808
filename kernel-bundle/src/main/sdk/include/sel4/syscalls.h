/*
 * The non-MCS system calls of libsel4 (reference §1.2, §1.6): Send, NBSend, Call, Recv, NBRecv,
 * Reply, ReplyRecv, Yield, and the wrappers Signal (Send with an empty message), Wait (= Recv)
 * and Poll (= NBRecv). The plain forms move MR0..MR3 between a2..a5 and msg[0..3] of the IPC
 * buffer; the ...WithMRs forms move them through the pointers instead (a null pointer, or an MR
 * beyond the message's length, sends 0).
 */
#pragma once

#include <sel4/arch/syscalls.h>
#include <sel4/ipc_buffer.h>
#include <sel4/message_info.h>
#include <sel4/syscall.h>
#include <sel4/types.h>

/* The value of MR i to send: *mr if given and within the message's length, else 0. */
LIBSEL4_INLINE_FUNC seL4_Word sel4sdk_mr_in(seL4_Word *mr, int i, seL4_MessageInfo_t info)
{
    return mr != seL4_Null && seL4_MessageInfo_get_length(info) > (seL4_Uint64) i ? *mr : 0;
}

LIBSEL4_INLINE_FUNC void sel4sdk_mr_out(seL4_Word *mr, seL4_Word value)
{
    if (mr != seL4_Null) {
        *mr = value;
    }
}

LIBSEL4_INLINE_FUNC void seL4_Send(seL4_CPtr dest, seL4_MessageInfo_t msgInfo)
{
    riscv_sys_send(seL4_SysSend, dest, msgInfo.words[0], seL4_GetMR(0), seL4_GetMR(1), seL4_GetMR(2),
                   seL4_GetMR(3));
}

LIBSEL4_INLINE_FUNC void seL4_SendWithMRs(seL4_CPtr dest, seL4_MessageInfo_t msgInfo, seL4_Word *mr0,
                                          seL4_Word *mr1, seL4_Word *mr2, seL4_Word *mr3)
{
    riscv_sys_send(seL4_SysSend, dest, msgInfo.words[0], sel4sdk_mr_in(mr0, 0, msgInfo),
                   sel4sdk_mr_in(mr1, 1, msgInfo), sel4sdk_mr_in(mr2, 2, msgInfo), sel4sdk_mr_in(mr3, 3, msgInfo));
}

LIBSEL4_INLINE_FUNC void seL4_NBSend(seL4_CPtr dest, seL4_MessageInfo_t msgInfo)
{
    riscv_sys_send(seL4_SysNBSend, dest, msgInfo.words[0], seL4_GetMR(0), seL4_GetMR(1), seL4_GetMR(2),
                   seL4_GetMR(3));
}

LIBSEL4_INLINE_FUNC void seL4_NBSendWithMRs(seL4_CPtr dest, seL4_MessageInfo_t msgInfo, seL4_Word *mr0,
                                            seL4_Word *mr1, seL4_Word *mr2, seL4_Word *mr3)
{
    riscv_sys_send(seL4_SysNBSend, dest, msgInfo.words[0], sel4sdk_mr_in(mr0, 0, msgInfo),
                   sel4sdk_mr_in(mr1, 1, msgInfo), sel4sdk_mr_in(mr2, 2, msgInfo), sel4sdk_mr_in(mr3, 3, msgInfo));
}

/* Replies to the thread whose Call this thread received last (its TCB's caller slot). */
LIBSEL4_INLINE_FUNC void seL4_Reply(seL4_MessageInfo_t msgInfo)
{
    riscv_sys_reply(seL4_SysReply, msgInfo.words[0], seL4_GetMR(0), seL4_GetMR(1), seL4_GetMR(2), seL4_GetMR(3));
}

LIBSEL4_INLINE_FUNC void seL4_ReplyWithMRs(seL4_MessageInfo_t msgInfo, seL4_Word *mr0, seL4_Word *mr1,
                                           seL4_Word *mr2, seL4_Word *mr3)
{
    riscv_sys_reply(seL4_SysReply, msgInfo.words[0], sel4sdk_mr_in(mr0, 0, msgInfo), sel4sdk_mr_in(mr1, 1, msgInfo),
                    sel4sdk_mr_in(mr2, 2, msgInfo), sel4sdk_mr_in(mr3, 3, msgInfo));
}

LIBSEL4_INLINE_FUNC void seL4_Signal(seL4_CPtr dest)
{
    riscv_sys_send_null(seL4_SysSend, dest, seL4_MessageInfo_new(0, 0, 0, 0).words[0]);
}

/* Blocks for a message on src; the badge (or notification word) goes to *sender if given. */
LIBSEL4_INLINE_FUNC seL4_MessageInfo_t seL4_Recv(seL4_CPtr src, seL4_Word *sender)
{
    seL4_MessageInfo_t info;
    seL4_Word badge, msg0, msg1, msg2, msg3;
    riscv_sys_recv(seL4_SysRecv, src, &badge, &info.words[0], &msg0, &msg1, &msg2, &msg3);
    seL4_SetMR(0, msg0);
    seL4_SetMR(1, msg1);
    seL4_SetMR(2, msg2);
    seL4_SetMR(3, msg3);
    sel4sdk_mr_out(sender, badge);
    return info;
}

LIBSEL4_INLINE_FUNC seL4_MessageInfo_t seL4_RecvWithMRs(seL4_CPtr src, seL4_Word *sender, seL4_Word *mr0,
                                                        seL4_Word *mr1, seL4_Word *mr2, seL4_Word *mr3)
{
    seL4_MessageInfo_t info;
    seL4_Word badge, msg0, msg1, msg2, msg3;
    riscv_sys_recv(seL4_SysRecv, src, &badge, &info.words[0], &msg0, &msg1, &msg2, &msg3);
    sel4sdk_mr_out(mr0, msg0);
    sel4sdk_mr_out(mr1, msg1);
    sel4sdk_mr_out(mr2, msg2);
    sel4sdk_mr_out(mr3, msg3);
    sel4sdk_mr_out(sender, badge);
    return info;
}

/* Like Recv, but returns at once with badge 0 when nothing is pending (info is then unchanged). */
LIBSEL4_INLINE_FUNC seL4_MessageInfo_t seL4_NBRecv(seL4_CPtr src, seL4_Word *sender)
{
    seL4_MessageInfo_t info;
    seL4_Word badge, msg0, msg1, msg2, msg3;
    riscv_sys_recv(seL4_SysNBRecv, src, &badge, &info.words[0], &msg0, &msg1, &msg2, &msg3);
    seL4_SetMR(0, msg0);
    seL4_SetMR(1, msg1);
    seL4_SetMR(2, msg2);
    seL4_SetMR(3, msg3);
    sel4sdk_mr_out(sender, badge);
    return info;
}

LIBSEL4_INLINE_FUNC seL4_MessageInfo_t seL4_Call(seL4_CPtr dest, seL4_MessageInfo_t msgInfo)
{
    seL4_MessageInfo_t info;
    seL4_Word badge;
    seL4_Word msg0 = seL4_GetMR(0);
    seL4_Word msg1 = seL4_GetMR(1);
    seL4_Word msg2 = seL4_GetMR(2);
    seL4_Word msg3 = seL4_GetMR(3);
    riscv_sys_send_recv(seL4_SysCall, dest, &badge, msgInfo.words[0], &info.words[0], &msg0, &msg1, &msg2, &msg3);
    seL4_SetMR(0, msg0);
    seL4_SetMR(1, msg1);
    seL4_SetMR(2, msg2);
    seL4_SetMR(3, msg3);
    return info;
}

LIBSEL4_INLINE_FUNC seL4_MessageInfo_t seL4_CallWithMRs(seL4_CPtr dest, seL4_MessageInfo_t msgInfo, seL4_Word *mr0,
                                                        seL4_Word *mr1, seL4_Word *mr2, seL4_Word *mr3)
{
    seL4_MessageInfo_t info;
    seL4_Word badge;
    seL4_Word msg0 = sel4sdk_mr_in(mr0, 0, msgInfo);
    seL4_Word msg1 = sel4sdk_mr_in(mr1, 1, msgInfo);
    seL4_Word msg2 = sel4sdk_mr_in(mr2, 2, msgInfo);
    seL4_Word msg3 = sel4sdk_mr_in(mr3, 3, msgInfo);
    riscv_sys_send_recv(seL4_SysCall, dest, &badge, msgInfo.words[0], &info.words[0], &msg0, &msg1, &msg2, &msg3);
    sel4sdk_mr_out(mr0, msg0);
    sel4sdk_mr_out(mr1, msg1);
    sel4sdk_mr_out(mr2, msg2);
    sel4sdk_mr_out(mr3, msg3);
    return info;
}

/* Replies to the last caller, then blocks for the next message on src. */
LIBSEL4_INLINE_FUNC seL4_MessageInfo_t seL4_ReplyRecv(seL4_CPtr src, seL4_MessageInfo_t msgInfo, seL4_Word *sender)
{
    seL4_MessageInfo_t info;
    seL4_Word badge;
    seL4_Word msg0 = seL4_GetMR(0);
    seL4_Word msg1 = seL4_GetMR(1);
    seL4_Word msg2 = seL4_GetMR(2);
    seL4_Word msg3 = seL4_GetMR(3);
    riscv_sys_send_recv(seL4_SysReplyRecv, src, &badge, msgInfo.words[0], &info.words[0], &msg0, &msg1, &msg2,
                        &msg3);
    seL4_SetMR(0, msg0);
    seL4_SetMR(1, msg1);
    seL4_SetMR(2, msg2);
    seL4_SetMR(3, msg3);
    sel4sdk_mr_out(sender, badge);
    return info;
}

LIBSEL4_INLINE_FUNC seL4_MessageInfo_t seL4_ReplyRecvWithMRs(seL4_CPtr src, seL4_MessageInfo_t msgInfo,
                                                             seL4_Word *sender, seL4_Word *mr0, seL4_Word *mr1,
                                                             seL4_Word *mr2, seL4_Word *mr3)
{
    seL4_MessageInfo_t info;
    seL4_Word badge;
    seL4_Word msg0 = sel4sdk_mr_in(mr0, 0, msgInfo);
    seL4_Word msg1 = sel4sdk_mr_in(mr1, 1, msgInfo);
    seL4_Word msg2 = sel4sdk_mr_in(mr2, 2, msgInfo);
    seL4_Word msg3 = sel4sdk_mr_in(mr3, 3, msgInfo);
    riscv_sys_send_recv(seL4_SysReplyRecv, src, &badge, msgInfo.words[0], &info.words[0], &msg0, &msg1, &msg2,
                        &msg3);
    sel4sdk_mr_out(mr0, msg0);
    sel4sdk_mr_out(mr1, msg1);
    sel4sdk_mr_out(mr2, msg2);
    sel4sdk_mr_out(mr3, msg3);
    sel4sdk_mr_out(sender, badge);
    return info;
}

LIBSEL4_INLINE_FUNC void seL4_Yield(void)
{
    riscv_sys_null(seL4_SysYield);
}

/* Non-MCS: waiting on a notification is a Recv, polling it an NBRecv. */
LIBSEL4_INLINE_FUNC void seL4_Wait(seL4_CPtr src, seL4_Word *sender)
{
    seL4_Recv(src, sender);
}

LIBSEL4_INLINE_FUNC seL4_MessageInfo_t seL4_Poll(seL4_CPtr src, seL4_Word *sender)
{
    return seL4_NBRecv(src, sender);
}
