/* One case per invocation stub, with distinctive arguments; results[0] is the stub's error and
   later words what it returned beside it. */
#include "harness.h"

seL4_UserContext regs_out;

void untyped_retype(void)
{
    results[0] = seL4_Untyped_Retype(0x11, seL4_TCBObject, seL4_TCBBits, 0x22, 0x33, 0x44, 0x55, 7);
}

void tcb_read_registers(void)
{
    fill_message_registers(4, 0xee0);
    for (seL4_Word *w = &regs_out.pc; w <= &regs_out.tp; w++) {
        *w = 0xeeee;
    }
    results[0] = seL4_TCB_ReadRegisters(0x12, 1, 0xab, 32, &regs_out);
    for (int i = 0; i < 4; i++) {
        results[1 + i] = seL4_GetMR(i);
    }
}

void tcb_write_registers(void)
{
    seL4_UserContext regs;
    seL4_Word value = 0x2000;
    for (seL4_Word *w = &regs.pc; w <= &regs.tp; w++) {
        *w = value++;
    }
    results[0] = seL4_TCB_WriteRegisters(0x13, 1, 0x5a, 29, &regs);
}

void tcb_copy_registers(void)
{
    results[0] = seL4_TCB_CopyRegisters(0x14, 0x15, 1, 0, 1, 1, 0x7f);
}

void tcb_configure(void)
{
    results[0] = seL4_TCB_Configure(0x16, 0x17, 0x18, 0x19, 0x1a, 0x1b, 0x1c000, 0x1d);
}

void tcb_set_priority(void)
{
    results[0] = seL4_TCB_SetPriority(0x21, 0x22, 254);
}

void tcb_set_mc_priority(void)
{
    results[0] = seL4_TCB_SetMCPriority(0x23, 0x24, 200);
}

void tcb_set_sched_params(void)
{
    results[0] = seL4_TCB_SetSchedParams(0x25, 0x26, 250, 100);
}

void tcb_set_ipc_buffer(void)
{
    results[0] = seL4_TCB_SetIPCBuffer(0x27, 0x3000, 0x28);
}

void tcb_set_space(void)
{
    results[0] = seL4_TCB_SetSpace(0x29, 0x2a, 0x2b, 0x2c, 0x2d, 0x2e);
}

void tcb_suspend(void)
{
    results[0] = seL4_TCB_Suspend(0x2f);
}

void tcb_resume(void)
{
    results[0] = seL4_TCB_Resume(0x30);
}

void tcb_bind_notification(void)
{
    results[0] = seL4_TCB_BindNotification(0x31, 0x32);
}

void tcb_unbind_notification(void)
{
    results[0] = seL4_TCB_UnbindNotification(0x33);
}

void tcb_set_tls_base(void)
{
    results[0] = seL4_TCB_SetTLSBase(0x34, 0x4000);
}

void tcb_set_flags(void)
{
    seL4_TCB_SetFlags_t result = seL4_TCB_SetFlags(0x35, 0x6, seL4_TCBFlag_fpuDisabled);
    results[0] = (seL4_Word) result.error;
    results[1] = result.flags;
}

void cnode_revoke(void)
{
    results[0] = seL4_CNode_Revoke(0x41, 0x42, 0x43);
}

void cnode_delete(void)
{
    results[0] = seL4_CNode_Delete(0x44, 0x45, 64);
}

void cnode_cancel_badged_sends(void)
{
    results[0] = seL4_CNode_CancelBadgedSends(0x46, 0x47, 63);
}

void cnode_save_caller(void)
{
    results[0] = seL4_CNode_SaveCaller(0x48, 0x49, 62);
}

void cnode_copy(void)
{
    fill_message_registers(4, 0xee0);
    results[0] = seL4_CNode_Copy(0x4a, 0x4b, 64, 0x4c, 0x4d, 61, seL4_NoWrite);
    for (int i = 0; i < 4; i++) {
        results[1 + i] = seL4_GetMR(i);
    }
}

void cnode_mint(void)
{
    results[0] = seL4_CNode_Mint(0x4e, 0x4f, 64, 0x50, 0x51, 60, seL4_AllRights, 0xbeef);
}

void cnode_move(void)
{
    results[0] = seL4_CNode_Move(0x52, 0x53, 59, 0x54, 0x55, 58);
}

void cnode_mutate(void)
{
    results[0] = seL4_CNode_Mutate(0x56, 0x57, 57, 0x58, 0x59, 56, 0x5eed);
}

void cnode_rotate(void)
{
    results[0] = seL4_CNode_Rotate(0x5a, 0x5b, 55, 0xd1, 0x5c, 0x5d, 54, 0xd2, 0x5e, 0x5f, 53);
}

void irq_control_get(void)
{
    results[0] = seL4_IRQControl_Get(0x61, 7, 0x62, 0x63, 64);
}

void irq_control_get_trigger(void)
{
    results[0] = seL4_IRQControl_GetTrigger(0x64, 9, 1, 0x65, 0x66, 52);
}

void irq_handler_ack(void)
{
    results[0] = seL4_IRQHandler_Ack(0x67);
}

void irq_handler_set_notification(void)
{
    results[0] = seL4_IRQHandler_SetNotification(0x68, 0x69);
}

void irq_handler_clear(void)
{
    results[0] = seL4_IRQHandler_Clear(0x6a);
}

void domain_set_set(void)
{
    results[0] = seL4_DomainSet_Set(0x6b, 3, 0x6c);
}

void riscv_page_table_map(void)
{
    results[0] = seL4_RISCV_PageTable_Map(0x71, 0x72, 0x40000000, seL4_RISCV_ExecuteNever);
}

void riscv_page_table_unmap(void)
{
    results[0] = seL4_RISCV_PageTable_Unmap(0x73);
}

void riscv_page_map(void)
{
    results[0] = seL4_RISCV_Page_Map(0x74, 0x75, 0x10000000, seL4_ReadWrite, seL4_RISCV_Default_VMAttributes);
}

void riscv_page_map_failed_lookup(void)
{
    results[0] = seL4_RISCV_Page_Map(0x74, 0x75, 0x20000000, seL4_CanRead, seL4_RISCV_ExecuteNever);
    results[1] = seL4_MappingFailedLookupLevel();
}

void riscv_page_unmap(void)
{
    results[0] = seL4_RISCV_Page_Unmap(0x76);
}

void riscv_page_get_address(void)
{
    seL4_RISCV_Page_GetAddress_t result = seL4_RISCV_Page_GetAddress(0x77);
    results[0] = (seL4_Word) result.error;
    results[1] = result.paddr;
}

void riscv_asid_control_make_pool(void)
{
    results[0] = seL4_RISCV_ASIDControl_MakePool(0x78, 0x79, 0x7a, 0x7b, 64);
}

void riscv_asid_pool_assign(void)
{
    results[0] = seL4_RISCV_ASIDPool_Assign(0x7c, 0x7d);
}
