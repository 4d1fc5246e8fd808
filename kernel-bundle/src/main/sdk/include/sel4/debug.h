/*
 * The debug system calls of a debug build with printing (reference §1.1, §1.2): PutChar,
 * DumpScheduler, Halt, Snapshot, CapIdentify and NameThread. Those that pass an argument do so
 * in a0 with a1..a5 zero, marked changed like a Call.
 */
#pragma once

#include <sel4/arch/syscalls.h>
#include <sel4/constants.h>
#include <sel4/ipc_buffer.h>
#include <sel4/syscall.h>
#include <sel4/types.h>

/* One debug call with a0 = arg and a1..a5 = 0; returns what the kernel left in a0. */
LIBSEL4_INLINE_FUNC seL4_Word sel4sdk_debug_call(seL4_Word sys, seL4_Word arg)
{
    seL4_Word out, info, mr0 = 0, mr1 = 0, mr2 = 0, mr3 = 0;
    riscv_sys_send_recv(sys, arg, &out, 0, &info, &mr0, &mr1, &mr2, &mr3);
    return out;
}

/* Prints one character on the kernel's console. */
LIBSEL4_INLINE_FUNC void seL4_DebugPutChar(char c)
{
    sel4sdk_debug_call(seL4_SysDebugPutChar, (seL4_Word) (seL4_Uint8) c);
}

/* Prints the scheduler's table of threads. */
LIBSEL4_INLINE_FUNC void seL4_DebugDumpScheduler(void)
{
    sel4sdk_debug_call(seL4_SysDebugDumpScheduler, 0);
}

/* Stops the whole machine. */
LIBSEL4_INLINE_FUNC void seL4_DebugHalt(void)
{
    riscv_sys_null(seL4_SysDebugHalt);
}

LIBSEL4_INLINE_FUNC void seL4_DebugSnapshot(void)
{
    riscv_sys_null(seL4_SysDebugSnapshot);
}

/* The kernel's type tag of the cap at cap (reference §8.1), 0 for a null cap or a failed lookup. */
LIBSEL4_INLINE_FUNC seL4_Uint32 seL4_DebugCapIdentify(seL4_CPtr cap)
{
    return (seL4_Uint32) sel4sdk_debug_call(seL4_SysDebugCapIdentify, cap);
}

/* Names the thread of tcb for the kernel's messages and the debugger: the name is copied into
   the IPC buffer from msg[0] and cut to fit the kernel's limit of 959 characters. */
LIBSEL4_INLINE_FUNC void seL4_DebugNameThread(seL4_CPtr tcb, const char *name)
{
    char *out = (char *) &seL4_GetIPCBuffer()->msg[0];
    unsigned long i = 0;
    for (; name[i] != '\0' && i < seL4_MsgMaxLength * sizeof(seL4_Word) - 1; i++) {
        out[i] = name[i];
    }
    out[i] = '\0';
    sel4sdk_debug_call(seL4_SysDebugNameThread, tcb);
}
