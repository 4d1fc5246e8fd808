/*
 * Setting up a new thread's registers on RISC-V as libsel4utils does (reference §7.4):
 * pc = entry, sp = stack_top (16-byte aligned), a0..a2 = the arguments and gp = this image's
 * __global_pointer$; tp is left alone. Returns 0, or -1 when stack_top is misaligned.
 */
#pragma once

#include <sel4/sel4.h>
#include <utils/util.h>

typedef void (*sel4utils_thread_entry_fn)(void *arg0, void *arg1, void *ipc_buf);

extern char sel4utils_global_pointer[] __asm__("__global_pointer$");

static inline int sel4utils_arch_init_context(void *entry_point, void *stack_top, seL4_UserContext *context)
{
    if (((seL4_Word) stack_top & 0xf) != 0) {
        ZF_LOGE("Initial stack pointer must be 16 byte aligned");
        return -1;
    }
    context->pc = (seL4_Word) entry_point;
    context->sp = (seL4_Word) stack_top;
    context->gp = (seL4_Word) sel4utils_global_pointer;
    return 0;
}

static inline int sel4utils_arch_init_local_context(sel4utils_thread_entry_fn entry_point, void *arg0, void *arg1,
                                                    void *arg2, void *stack_top, seL4_UserContext *context)
{
    int error = sel4utils_arch_init_context((void *) entry_point, stack_top, context);
    if (error == 0) {
        context->a0 = (seL4_Word) arg0;
        context->a1 = (seL4_Word) arg1;
        context->a2 = (seL4_Word) arg2;
    }
    return error;
}
