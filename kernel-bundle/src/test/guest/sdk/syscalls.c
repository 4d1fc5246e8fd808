/* One case per system call stub and IPC buffer accessor, each with distinctive arguments; the
   test checks what the kernel receives and what the stub makes of the kernel's answer. */
#include "harness.h"

void send(void)
{
    fill_message_registers(6, 0xa0);
    seL4_SetCap(0, 0xc0);
    seL4_Send(0x10, seL4_MessageInfo_new(0x123, 0, 1, 6));
}

void nb_send(void)
{
    fill_message_registers(5, 0xa0);
    seL4_NBSend(0x11, seL4_MessageInfo_new(0x124, 0, 0, 5));
}

void send_with_mrs(void)
{
    fill_message_registers(4, 0xee0);
    seL4_Word mr0 = 0xd0, mr1 = 0xd1, mr2 = 0xd2;
    seL4_SendWithMRs(0x12, seL4_MessageInfo_new(0x125, 0, 0, 2), &mr0, &mr1, &mr2, seL4_Null);
}

void nb_send_with_mrs(void)
{
    seL4_Word mr0 = 0xd0, mr1 = 0xd1, mr2 = 0xd2, mr3 = 0xd3;
    seL4_NBSendWithMRs(0x13, seL4_MessageInfo_new(0x126, 0, 0, 4), &mr0, &mr1, &mr2, &mr3);
}

void signal(void)
{
    seL4_Signal(0x14);
}

void call(void)
{
    fill_message_registers(5, 0xa0);
    seL4_MessageInfo_t info = seL4_Call(0x15, seL4_MessageInfo_new(0x127, 0, 0, 5));
    results[0] = info.words[0];
    for (int i = 0; i < 4; i++) {
        results[1 + i] = seL4_GetMR(i);
    }
}

void call_with_mrs(void)
{
    fill_message_registers(4, 0xee0);
    seL4_Word mr0 = 0xd0, mr1 = 0xd1, mr2 = 0xd2, mr3 = 0xd3;
    seL4_MessageInfo_t info = seL4_CallWithMRs(0x16, seL4_MessageInfo_new(0x128, 0, 0, 3), &mr0, &mr1, &mr2, &mr3);
    results[0] = info.words[0];
    results[1] = mr0;
    results[2] = mr1;
    results[3] = mr2;
    results[4] = mr3;
}

void recv(void)
{
    fill_message_registers(4, 0xee0);
    seL4_Word badge = 0;
    seL4_MessageInfo_t info = seL4_Recv(0x17, &badge);
    results[0] = info.words[0];
    results[1] = badge;
}

void recv_without_sender(void)
{
    seL4_MessageInfo_t info = seL4_Recv(0x18, seL4_Null);
    results[0] = info.words[0];
}

void recv_with_mrs(void)
{
    fill_message_registers(4, 0xee0);
    seL4_Word badge = 0, mr0 = 0, mr1 = 0, mr2 = 0, mr3 = 0;
    seL4_MessageInfo_t info = seL4_RecvWithMRs(0x19, &badge, &mr0, &mr1, &mr2, &mr3);
    results[0] = info.words[0];
    results[1] = badge;
    results[2] = mr0;
    results[3] = mr1;
    results[4] = mr2;
    results[5] = mr3;
}

void nb_recv(void)
{
    fill_message_registers(4, 0xee0);
    seL4_Word badge = 0;
    seL4_MessageInfo_t info = seL4_NBRecv(0x1a, &badge);
    results[0] = info.words[0];
    results[1] = badge;
}

void reply(void)
{
    fill_message_registers(5, 0xa0);
    seL4_Reply(seL4_MessageInfo_new(0x129, 0, 0, 5));
}

void reply_with_mrs(void)
{
    seL4_Word mr0 = 0xd0;
    seL4_ReplyWithMRs(seL4_MessageInfo_new(0x12a, 0, 0, 1), &mr0, seL4_Null, seL4_Null, seL4_Null);
}

void reply_recv(void)
{
    fill_message_registers(4, 0xa0);
    seL4_Word badge = 0;
    seL4_MessageInfo_t info = seL4_ReplyRecv(0x1b, seL4_MessageInfo_new(0x12b, 0, 0, 4), &badge);
    results[0] = info.words[0];
    results[1] = badge;
}

void reply_recv_with_mrs(void)
{
    fill_message_registers(4, 0xee0);
    seL4_Word badge = 0, mr0 = 0xd0, mr1 = 0xd1, mr2 = 0xd2, mr3 = 0xd3;
    seL4_MessageInfo_t info =
        seL4_ReplyRecvWithMRs(0x1c, seL4_MessageInfo_new(0x12c, 0, 0, 2), &badge, &mr0, &mr1, &mr2, &mr3);
    results[0] = info.words[0];
    results[1] = badge;
    results[2] = mr0;
    results[3] = mr1;
    results[4] = mr2;
    results[5] = mr3;
}

void yield(void)
{
    seL4_Yield();
}

void wait(void)
{
    seL4_Word badge = 0;
    seL4_Wait(0x1d, &badge);
    results[0] = badge;
}

void poll(void)
{
    seL4_Word badge = 0;
    seL4_MessageInfo_t info = seL4_Poll(0x1e, &badge);
    results[0] = info.words[0];
    results[1] = badge;
}

void debug_put_char(void)
{
    seL4_DebugPutChar('Z');
}

void debug_dump_scheduler(void)
{
    seL4_DebugDumpScheduler();
}

void debug_halt(void)
{
    seL4_DebugHalt();
}

void debug_snapshot(void)
{
    seL4_DebugSnapshot();
}

void debug_cap_identify(void)
{
    results[0] = seL4_DebugCapIdentify(0x1f);
}

void debug_name_thread(void)
{
    seL4_DebugNameThread(0x20, "worker-7");
}

void ipc_buffer_accessors(void)
{
    seL4_SetUserData(0x5eed);
    seL4_SetCap(0, 0xc0);
    seL4_SetCap(1, 0xc1);
    seL4_SetCap(2, 0xc2);
    seL4_SetCapReceivePath(0x21, 0x22, 0x23);
    seL4_SetMR(0, 0xa0);
    seL4_SetMR(119, 0xa119);
    seL4_CPtr cnode = 0, index = 0;
    seL4_Word depth = 0;
    seL4_GetCapReceivePath(&cnode, &index, &depth);
    seL4_GetCapReceivePath(seL4_Null, seL4_Null, seL4_Null);
    results[0] = seL4_GetUserData();
    results[1] = seL4_GetCap(1);
    results[2] = seL4_GetBadge(2);
    results[3] = cnode;
    results[4] = index;
    results[5] = depth;
    results[6] = seL4_GetMR(119);
    results[7] = (seL4_Word) seL4_GetIPCBuffer();
}

void bitfields(void)
{
    results[0] = seL4_MessageInfo_new(0xfffffffffffff, 7, 3, 127).words[0];
    results[1] = seL4_MessageInfo_new(1, 0, 0, 0).words[0];
    results[2] = seL4_MessageInfo_new(0, 1, 0, 0).words[0];
    results[3] = seL4_MessageInfo_new(0, 0, 1, 0).words[0];
    results[4] = seL4_MessageInfo_new(0, 0, 0, 1).words[0];
    seL4_MessageInfo_t info = seL4_MessageInfo_new(0x1234, 5, 2, 99);
    results[5] = seL4_MessageInfo_get_label(info);
    results[6] = seL4_MessageInfo_get_capsUnwrapped(info);
    results[7] = seL4_MessageInfo_get_extraCaps(info);
    results[8] = seL4_MessageInfo_get_length(info);
    info = seL4_MessageInfo_set_label(info, 0x77);
    info = seL4_MessageInfo_set_length(info, 3);
    seL4_MessageInfo_ptr_set_extraCaps(&info, 1);
    seL4_MessageInfo_ptr_set_capsUnwrapped(&info, 2);
    results[9] = info.words[0];
    results[10] = seL4_AllRights.words[0];
    results[11] = seL4_CanRead.words[0];
    results[12] = seL4_CanWrite.words[0];
    results[13] = seL4_CanGrant.words[0];
    results[14] = seL4_CanGrantReply.words[0];
    results[15] = seL4_ReadWrite.words[0];
    results[16] = seL4_NoWrite.words[0];
    results[17] = seL4_NoRead.words[0];
    results[18] = seL4_NoRights.words[0];
    results[19] = seL4_CNode_CapData_new(0x2a, 48).words[0];
    results[20] = seL4_CapRights_get_capAllowGrantReply(seL4_CapRights_new(1, 0, 0, 0));
    results[21] = seL4_CNode_CapData_get_guard(seL4_CNode_CapData_new(0x2a, 48));
    results[22] = seL4_CNode_CapData_get_guardSize(seL4_CNode_CapData_new(0x2a, 48));
}

/* Two identical calls in a row: the second must not reuse registers the first marked changed. */
void send_twice(void)
{
    fill_message_registers(4, 0xa0);
    seL4_MessageInfo_t info = seL4_MessageInfo_new(0x130, 0, 0, 4);
    seL4_Send(0x10, info);
    seL4_Send(0x10, info);
}

void reply_twice(void)
{
    fill_message_registers(4, 0xa0);
    seL4_MessageInfo_t info = seL4_MessageInfo_new(0x131, 0, 0, 4);
    seL4_Reply(info);
    seL4_Reply(info);
}

void signal_twice(void)
{
    seL4_Signal(0x14);
    seL4_Signal(0x14);
}

void put_char_twice(void)
{
    seL4_DebugPutChar('Q');
    seL4_DebugPutChar('Q');
}
