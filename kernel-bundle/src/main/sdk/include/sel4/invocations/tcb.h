/*
 * TCB invocations (reference §4.3, non-MCS). Registers travel in seL4_UserContext order (§3);
 * fault_ep in Configure and SetSpace is a CPtr word, looked up later in the thread's own CSpace,
 * so it is data, not an extra cap.
 */
#pragma once

#include <sel4/invocations/invoke.h>

typedef struct seL4_TCB_SetFlags {
    int error;
    seL4_Word flags;
} seL4_TCB_SetFlags_t;

/* Reads all 32 registers from the reply when it succeeds (the kernel sends count of them). */
LIBSEL4_INLINE_FUNC seL4_Error seL4_TCB_ReadRegisters(seL4_TCB _service, seL4_Bool suspend_source,
                                                      seL4_Uint8 arch_flags, seL4_Word count, seL4_UserContext *regs)
{
    seL4_Word mr[4] = {SEL4_SDK_BOOL(suspend_source) | SEL4_SDK_UINT8(arch_flags) << 8, count, 0, 0};
    seL4_Error error = sel4sdk_invoke(_service, TCBReadRegisters, 0, 2, mr);
    if (error != seL4_NoError) {
        return error;
    }
    regs->pc = mr[0];
    regs->ra = mr[1];
    regs->sp = mr[2];
    regs->gp = mr[3];
    regs->s0 = seL4_GetMR(4);
    regs->s1 = seL4_GetMR(5);
    regs->s2 = seL4_GetMR(6);
    regs->s3 = seL4_GetMR(7);
    regs->s4 = seL4_GetMR(8);
    regs->s5 = seL4_GetMR(9);
    regs->s6 = seL4_GetMR(10);
    regs->s7 = seL4_GetMR(11);
    regs->s8 = seL4_GetMR(12);
    regs->s9 = seL4_GetMR(13);
    regs->s10 = seL4_GetMR(14);
    regs->s11 = seL4_GetMR(15);
    regs->a0 = seL4_GetMR(16);
    regs->a1 = seL4_GetMR(17);
    regs->a2 = seL4_GetMR(18);
    regs->a3 = seL4_GetMR(19);
    regs->a4 = seL4_GetMR(20);
    regs->a5 = seL4_GetMR(21);
    regs->a6 = seL4_GetMR(22);
    regs->a7 = seL4_GetMR(23);
    regs->t0 = seL4_GetMR(24);
    regs->t1 = seL4_GetMR(25);
    regs->t2 = seL4_GetMR(26);
    regs->t3 = seL4_GetMR(27);
    regs->t4 = seL4_GetMR(28);
    regs->t5 = seL4_GetMR(29);
    regs->t6 = seL4_GetMR(30);
    regs->tp = seL4_GetMR(31);
    return error;
}

/* Always sends all 32 registers (length 34); the kernel writes the first count of them. */
LIBSEL4_INLINE_FUNC seL4_Error seL4_TCB_WriteRegisters(seL4_TCB _service, seL4_Bool resume_target,
                                                       seL4_Uint8 arch_flags, seL4_Word count, seL4_UserContext *regs)
{
    seL4_Word mr[4] = {SEL4_SDK_BOOL(resume_target) | SEL4_SDK_UINT8(arch_flags) << 8, count, regs->pc, regs->ra};
    seL4_SetMR(4, regs->sp);
    seL4_SetMR(5, regs->gp);
    seL4_SetMR(6, regs->s0);
    seL4_SetMR(7, regs->s1);
    seL4_SetMR(8, regs->s2);
    seL4_SetMR(9, regs->s3);
    seL4_SetMR(10, regs->s4);
    seL4_SetMR(11, regs->s5);
    seL4_SetMR(12, regs->s6);
    seL4_SetMR(13, regs->s7);
    seL4_SetMR(14, regs->s8);
    seL4_SetMR(15, regs->s9);
    seL4_SetMR(16, regs->s10);
    seL4_SetMR(17, regs->s11);
    seL4_SetMR(18, regs->a0);
    seL4_SetMR(19, regs->a1);
    seL4_SetMR(20, regs->a2);
    seL4_SetMR(21, regs->a3);
    seL4_SetMR(22, regs->a4);
    seL4_SetMR(23, regs->a5);
    seL4_SetMR(24, regs->a6);
    seL4_SetMR(25, regs->a7);
    seL4_SetMR(26, regs->t0);
    seL4_SetMR(27, regs->t1);
    seL4_SetMR(28, regs->t2);
    seL4_SetMR(29, regs->t3);
    seL4_SetMR(30, regs->t4);
    seL4_SetMR(31, regs->t5);
    seL4_SetMR(32, regs->t6);
    seL4_SetMR(33, regs->tp);
    return sel4sdk_invoke(_service, TCBWriteRegisters, 0, 34, mr);
}

LIBSEL4_INLINE_FUNC seL4_Error seL4_TCB_CopyRegisters(seL4_TCB _service, seL4_TCB source, seL4_Bool suspend_source,
                                                      seL4_Bool resume_target, seL4_Bool transfer_frame,
                                                      seL4_Bool transfer_integer, seL4_Uint8 arch_flags)
{
    seL4_Word mr[4] = {SEL4_SDK_BOOL(suspend_source) | SEL4_SDK_BOOL(resume_target) << 1
                       | SEL4_SDK_BOOL(transfer_frame) << 2 | SEL4_SDK_BOOL(transfer_integer) << 3
                       | SEL4_SDK_UINT8(arch_flags) << 8, 0, 0, 0};
    seL4_SetCap(0, source);
    return sel4sdk_invoke(_service, TCBCopyRegisters, 1, 1, mr);
}

LIBSEL4_INLINE_FUNC seL4_Error seL4_TCB_Configure(seL4_TCB _service, seL4_Word fault_ep, seL4_CNode cspace_root,
                                                  seL4_Word cspace_root_data, seL4_CPtr vspace_root,
                                                  seL4_Word vspace_root_data, seL4_Word buffer, seL4_CPtr bufferFrame)
{
    seL4_Word mr[4] = {fault_ep, cspace_root_data, vspace_root_data, buffer};
    seL4_SetCap(0, cspace_root);
    seL4_SetCap(1, vspace_root);
    seL4_SetCap(2, bufferFrame);
    return sel4sdk_invoke(_service, TCBConfigure, 3, 4, mr);
}

LIBSEL4_INLINE_FUNC seL4_Error seL4_TCB_SetPriority(seL4_TCB _service, seL4_TCB authority, seL4_Word priority)
{
    seL4_Word mr[4] = {priority, 0, 0, 0};
    seL4_SetCap(0, authority);
    return sel4sdk_invoke(_service, TCBSetPriority, 1, 1, mr);
}

LIBSEL4_INLINE_FUNC seL4_Error seL4_TCB_SetMCPriority(seL4_TCB _service, seL4_TCB authority, seL4_Word mcp)
{
    seL4_Word mr[4] = {mcp, 0, 0, 0};
    seL4_SetCap(0, authority);
    return sel4sdk_invoke(_service, TCBSetMCPriority, 1, 1, mr);
}

LIBSEL4_INLINE_FUNC seL4_Error seL4_TCB_SetSchedParams(seL4_TCB _service, seL4_TCB authority, seL4_Word mcp,
                                                       seL4_Word priority)
{
    seL4_Word mr[4] = {mcp, priority, 0, 0};
    seL4_SetCap(0, authority);
    return sel4sdk_invoke(_service, TCBSetSchedParams, 1, 2, mr);
}

LIBSEL4_INLINE_FUNC seL4_Error seL4_TCB_SetIPCBuffer(seL4_TCB _service, seL4_Word buffer, seL4_CPtr bufferFrame)
{
    seL4_Word mr[4] = {buffer, 0, 0, 0};
    seL4_SetCap(0, bufferFrame);
    return sel4sdk_invoke(_service, TCBSetIPCBuffer, 1, 1, mr);
}

LIBSEL4_INLINE_FUNC seL4_Error seL4_TCB_SetSpace(seL4_TCB _service, seL4_Word fault_ep, seL4_CNode cspace_root,
                                                 seL4_Word cspace_root_data, seL4_CPtr vspace_root,
                                                 seL4_Word vspace_root_data)
{
    seL4_Word mr[4] = {fault_ep, cspace_root_data, vspace_root_data, 0};
    seL4_SetCap(0, cspace_root);
    seL4_SetCap(1, vspace_root);
    return sel4sdk_invoke(_service, TCBSetSpace, 2, 3, mr);
}

LIBSEL4_INLINE_FUNC seL4_Error seL4_TCB_Suspend(seL4_TCB _service)
{
    seL4_Word mr[4] = {0, 0, 0, 0};
    return sel4sdk_invoke(_service, TCBSuspend, 0, 0, mr);
}

LIBSEL4_INLINE_FUNC seL4_Error seL4_TCB_Resume(seL4_TCB _service)
{
    seL4_Word mr[4] = {0, 0, 0, 0};
    return sel4sdk_invoke(_service, TCBResume, 0, 0, mr);
}

LIBSEL4_INLINE_FUNC seL4_Error seL4_TCB_BindNotification(seL4_TCB _service, seL4_CPtr notification)
{
    seL4_Word mr[4] = {0, 0, 0, 0};
    seL4_SetCap(0, notification);
    return sel4sdk_invoke(_service, TCBBindNotification, 1, 0, mr);
}

LIBSEL4_INLINE_FUNC seL4_Error seL4_TCB_UnbindNotification(seL4_TCB _service)
{
    seL4_Word mr[4] = {0, 0, 0, 0};
    return sel4sdk_invoke(_service, TCBUnbindNotification, 0, 0, mr);
}

/* Sets the thread's tp register. */
LIBSEL4_INLINE_FUNC seL4_Error seL4_TCB_SetTLSBase(seL4_TCB _service, seL4_Word tls_base)
{
    seL4_Word mr[4] = {tls_base, 0, 0, 0};
    return sel4sdk_invoke(_service, TCBSetTLSBase, 0, 1, mr);
}

/* Clears, then sets, TCB flags (seL4_TCBFlag); the reply's MR0 is the thread's new flags. */
LIBSEL4_INLINE_FUNC seL4_TCB_SetFlags_t seL4_TCB_SetFlags(seL4_TCB _service, seL4_Word clear, seL4_Word set)
{
    seL4_TCB_SetFlags_t result;
    seL4_Word mr[4] = {clear, set, 0, 0};
    seL4_Error error = sel4sdk_invoke(_service, TCBSetFlags, 0, 2, mr);
    result.error = (int) error;
    result.flags = error == seL4_NoError ? mr[0] : 0;
    return result;
}
